using System.Diagnostics;
using TextVae.Decoding;
using TextVae.Generation;
using TextVae.Runtime;
using static TorchSharp.torch;

namespace TextVae.Benchmarking;

/// <summary>
/// What the terminal UI's map costs, with model loading excluded: opening a corpus's map the first time (encoding
/// every sentence and writing the cache), opening it again from the cache, and one cursor move (lift the point,
/// decode it greedily, find the nearest corpus sentences) at points spread over the map. The first opening caches
/// into a scratch folder, so a cache beside the checkpoint is neither used nor touched.
/// </summary>
public static class MapBenchmark
{
    public static MapBenchmarkResult Run(TextGenerator generator, string corpus, int moves, string scratchFolder)
    {
        if (moves < 1)
            throw new ArgumentOutOfRangeException(nameof(moves), moves, "at least one cursor move is timed");
        var options = new LatentMapOptions();
        var clock = Stopwatch.StartNew();
        var first = LatentMapBuilder.Open(generator, corpus, options, cacheDirectory: scratchFolder);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        if (first.CacheProblem is not null)
            throw new TextVaeException(first.CacheProblem);

        clock.Restart();
        var again = LatentMapBuilder.Open(generator, corpus, options, cacheDirectory: scratchFolder);
        var cachedSeconds = clock.Elapsed.TotalSeconds;
        if (!again.FromCache)
            throw new TextVaeException($"the map was not read back from its cache {again.CachePath}");

        var map = again.Map;
        var decoding = new DecodingOptions { MaxLength = 30 };
        var random = new Random(5);
        var points = Enumerable.Range(0, moves + 1).Select(_ => random.Next(map.Sentences.Count)).Select(i => (map.X[i], map.Y[i])).ToArray();
        var times = new List<double>();
        foreach (var (x, y) in points)
        {
            clock.Restart();
            var code = map.Lift(x, y, LiftMode.Mean);
            generator.Decode([code], decoding);
            map.Nearest(code, 5);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var timed = times.Skip(1).Order().ToArray(); // the first move warms up the decoder
        return new MapBenchmarkResult(
            map.Sentences.Count,
            firstSeconds,
            cachedSeconds,
            Percentile(timed, 0.5),
            Percentile(timed, 0.9),
            moves,
            get_num_threads(),
            DeviceSelector.Describe(generator.Device));
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Ceiling(fraction * sorted.Length) - 1];
}
