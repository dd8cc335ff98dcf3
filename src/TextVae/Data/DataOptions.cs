
namespace TextVae.Data;

/// <summary>The <c>data</c> section: which corpora, which sentences are kept, and how they are grouped into batches.</summary>
public sealed record DataOptions
{
    /// <summary>Training corpus: UTF-8, one sentence per line.</summary>
    public string? Train { get; init; }

    /// <summary>Validation corpus, used for early stopping, the learning-rate plateau and the <c>best</c> checkpoint.</summary>
    public string? Valid { get; init; }

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

    /// <summary>Seed of the epoch shuffles.</summary>
    public int Seed { get; init; } = 1234;

    public void Validate()
    {
        ConfigCheck.Positive(MinLength, "data.minLength");
        if (MaxLength < MinLength)
            throw new TextVaeException($"data.maxLength ({MaxLength}) must be at least data.minLength ({MinLength})");
        ConfigCheck.Positive(BatchSize, "data.batchSize");
        ConfigCheck.Positive(BucketBatches, "data.bucketBatches");
    }
}
