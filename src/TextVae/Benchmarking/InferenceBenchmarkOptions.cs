namespace TextVae.Benchmarking;

/// <summary>How <see cref="InferenceBenchmark"/> reads its file, as set on the command line.</summary>
public sealed record InferenceBenchmarkOptions
{
    /// <summary>Sentences per batch; null batches as the command does by default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Only the file's first this many sentences are used; null uses them all.</summary>
    public long? Sentences { get; init; }

    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default.</summary>
    public int Threads { get; init; }

    public InferenceBenchmarkOptions Validate()
    {
        if (BatchSize is { } batchSize)
            ConfigCheck.Positive(batchSize, "batchSize");
        if (Sentences is { } sentences)
            ConfigCheck.Positive(sentences, "sentences");
        ConfigCheck.NotNegative(Threads, "threads");
        return this;
    }
}
