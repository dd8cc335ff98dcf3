namespace TextVae.Generation;

/// <summary>How paraphrase candidates are ordered: most likely under the model first, or closest in latent space first.</summary>
public enum ParaphraseRanking
{
    Likelihood,
    Distance,
}
