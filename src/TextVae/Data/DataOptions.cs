namespace TextVae.Data;

/// <summary>How a corpus becomes training batches: which sentences are kept and how they are grouped.</summary>
public sealed record DataOptions
{
    /// <summary>Sentences with more tokens are cut to this many (and counted).</summary>
    public int MaxLength { get; init; } = 50;

    /// <summary>Sentences with fewer tokens are dropped (and counted).</summary>
    public int MinLength { get; init; } = 1;

    /// <summary>Keep only the first occurrence of each sentence (compared after tokenisation and truncation).</summary>
    public bool Deduplicate { get; init; }

    /// <summary>Stop at a line with invalid UTF-8 instead of skipping it.</summary>
    public bool Strict { get; init; }

    public int BatchSize { get; init; } = 32;

    /// <summary>Batches per length-sorted pool: larger pools pad less but mix lengths less across batches.</summary>
    public int BucketBatches { get; init; } = 64;

    public int Seed { get; init; } = 1234;

    public void Validate()
    {
        if (MinLength < 1)
            throw new TextVaeException($"data option MinLength must be at least 1, not {MinLength}");
        if (MaxLength < MinLength)
            throw new TextVaeException($"data option MaxLength ({MaxLength}) must be at least MinLength ({MinLength})");
        if (BatchSize < 1)
            throw new TextVaeException($"data option BatchSize must be at least 1, not {BatchSize}");
        if (BucketBatches < 1)
            throw new TextVaeException($"data option BucketBatches must be at least 1, not {BucketBatches}");
    }
}
