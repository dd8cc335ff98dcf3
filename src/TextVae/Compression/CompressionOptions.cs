namespace TextVae.Compression;

/// <summary>Settings of <see cref="TextCompressor"/>; all of them are stored in the archive, so decompression needs none.</summary>
public sealed record CompressionOptions
{
    public LatentCoding Latent { get; init; } = LatentCoding.BitsBack;

    /// <summary>Chunks decoded side by side in one batch; larger is faster per token, up to what the CPU vectorises.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Longest chunk a line is cut into, in tokens; 0 takes the model's training maximum (data.maxLength).</summary>
    public int ChunkTokens { get; init; }

    /// <summary>Each latent dimension is cut into 2^bits buckets of equal prior mass.</summary>
    public int LatentBucketBits { get; init; } = 12;

    /// <summary>Frequencies of token and posterior distributions sum to 2^bits.</summary>
    public int PrecisionBits { get; init; } = 24;

    public void Validate()
    {
        if (!Enum.IsDefined(Latent))
            throw new TextVaeException($"latent coding {Latent} is not one of {string.Join(", ", Enum.GetNames<LatentCoding>())}");
        ConfigCheck.Positive(BatchSize, "batchSize");
        ConfigCheck.NotNegative(ChunkTokens, "chunkTokens");
        ConfigCheck.InRange(LatentBucketBits, 1, 16, "latentBucketBits");
        ConfigCheck.InRange(PrecisionBits, 16, 28, "precisionBits");
        if (LatentBucketBits + 4 > PrecisionBits)
            throw new TextVaeException($"precisionBits ({PrecisionBits}) must exceed latentBucketBits ({LatentBucketBits}) by at least 4");
    }
}
