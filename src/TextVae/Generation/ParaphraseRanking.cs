using System.Text.Json.Serialization;

namespace TextVae.Generation;

/// <summary>How paraphrase candidates are ordered: most likely under the model first, or closest in latent space first.</summary>
[JsonConverter(typeof(SpelledEnumConverter<ParaphraseRanking>))]
public enum ParaphraseRanking
{
    Likelihood,
    Distance,
}
