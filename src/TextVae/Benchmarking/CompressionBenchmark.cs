using System.Diagnostics;
using System.Text;
using TextVae.Compression;
using TextVae.Runtime;
using static TorchSharp.torch;

namespace TextVae.Benchmarking;

/// <summary>
/// The model as a compressor against the standard tools on one file, in one run: size, bits per character and per
/// byte, and speed of both directions (every model round trip is checked byte for byte), plus how speed scales
/// with the batch size on the file's first bytes.
/// </summary>
public static class CompressionBenchmark
{
    public static CompressionBenchmarkResult Run(TextCompressor compressor, string dataPath, CompressionOptions options,
        IReadOnlyList<int> batchSizes, int scanBytes, int seed, Device device)
    {
        var original = File.ReadAllBytes(dataPath);
        if (original.Length == 0)
            throw new TextVaeException($"{dataPath} is empty");
        var characters = Encoding.UTF8.GetCharCount(original);
        var figures = new List<CompressionFigure>();
        CompressionStatistics? bitsBack = null;
        foreach (var latent in new[] { LatentCoding.BitsBack, LatentCoding.PriorMean })
        {
            var (statistics, compress, decompress) = RoundTrip(compressor, original, options with { Latent = latent });
            bitsBack ??= statistics;
            figures.Add(Figure(latent == LatentCoding.BitsBack ? "TextVae, bits back" : "TextVae, z = prior mean",
                statistics.ArchiveBytes, original.Length, characters, compress, decompress));
        }
        var elbo = compressor.Elbo(original, options, seed);

        var missing = new List<string>();
        foreach (var tool in ExternalCompressor.Standard)
        {
            if (tool.Measure(dataPath) is { } measured)
                figures.Add(Figure(tool.Name, measured.Bytes, original.Length, characters, measured.Seconds, null));
            else
                missing.Add(tool.Name);
        }

        var prefix = original.AsSpan(0, Math.Min(scanBytes, original.Length)).ToArray();
        var speeds = batchSizes.Select(batch =>
        {
            var (statistics, compress, decompress) = RoundTrip(compressor, prefix, options with { BatchSize = batch });
            return new BatchSpeed(batch, prefix.Length, prefix.Length / 1024.0 / compress, prefix.Length / 1024.0 / decompress, statistics.ArchiveBytes);
        }).ToList();

        return new CompressionBenchmarkResult(dataPath, original.Length, characters, figures, missing,
            (elbo.Reconstruction + elbo.Kl) * elbo.Sentences / Math.Log(2), bitsBack!.IdealBits, bitsBack.CleanChunks, bitsBack.Chunks,
            speeds, DeviceSelector.Describe(device), get_num_threads());
    }

    private static (CompressionStatistics Statistics, double CompressSeconds, double DecompressSeconds) RoundTrip(
        TextCompressor compressor, byte[] original, CompressionOptions options)
    {
        var clock = Stopwatch.StartNew();
        var result = compressor.Compress(original, options);
        var compress = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var restored = compressor.Decompress(result.Archive);
        var decompress = clock.Elapsed.TotalSeconds;
        if (!restored.AsSpan().SequenceEqual(original))
            throw new InvalidOperationException("the model compressor did not restore the benchmark file exactly");
        return (result.Statistics, compress, decompress);
    }

    private static CompressionFigure Figure(string name, long bytes, long originalBytes, long characters, double compress, double? decompress) =>
        new(name, bytes, 8.0 * bytes / characters, 8.0 * bytes / originalBytes, compress, decompress);
}
