namespace TextVae.Checkpoints;

/// <summary>Sentence-weighted sums of the loss terms over the steps since the last log line.</summary>
public sealed record LossSums(long Sentences, double Loss, double Reconstruction, double Kl)
{
    public static readonly LossSums Empty = new(0, 0, 0, 0);
}
