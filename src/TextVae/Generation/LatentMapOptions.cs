using TextVae.Configuration;

namespace TextVae.Generation;

/// <summary>Which sentences of a corpus a latent map shows.</summary>
public sealed record LatentMapOptions
{
    /// <summary>Distinct sentences encoded at most; a larger corpus is sampled, the same sentences every time for a given seed.</summary>
    public int MaxSentences { get; init; } = 20_000;

    /// <summary>Seed of the sample drawn from a corpus larger than <see cref="MaxSentences"/>.</summary>
    public int Seed { get; init; }

    public LatentMapOptions Validate()
    {
        ConfigCheck.Positive(MaxSentences, nameof(MaxSentences));
        return this;
    }
}
