using System.Diagnostics;
using TextVae.Generation;
using TextVae.Runtime;
using TextVae.Decoding;
using static TorchSharp.torch;

namespace TextVae.Benchmarking;

/// <summary>
/// Latency of the requests users make, with start-up excluded: 32 prior samples of up to 30 tokens, a 10-step
/// interpolation and a 20-candidate paraphrase, each the median of repeated runs after one warm-up run. The
/// sentences interpolated and paraphrased are the model's own samples, so any checkpoint can be measured.
/// </summary>
public static class GenerationBenchmark
{
    public static GenerationBenchmarkResult Run(TextGenerator generator, int repeats)
    {
        if (repeats < 1)
            throw new InvalidParameterException("repeats", $"must be at least 1 (got {repeats})");
        var greedy = new DecodingOptions { MaxLength = 30 };
        // Sampled rather than greedy, so even a model whose greedy outputs coincide yields two different sentences.
        var ends = generator.Sample(16, greedy with { Strategy = DecodingStrategy.Temperature }, seed: 1)
            .Select(s => s.Text).Where(text => text.Length > 0).Distinct().Take(2).ToArray();
        if (ends.Length < 2)
            throw new TextVaeException("the model's samples are all empty or identical, so there is nothing to interpolate between");

        var sample = Median(repeats, () => generator.Sample(32, greedy, seed: 2));
        var interpolate = Median(repeats, () => generator.Interpolate(ends[0], ends[1], 10, InterpolationPath.Linear, greedy));
        var paraphrase = Median(repeats, () => generator.Paraphrase(ends[0], 20, 1.0, greedy, seed: 3, ParaphraseRanking.Likelihood));
        return new GenerationBenchmarkResult(sample, interpolate, paraphrase, repeats, get_num_threads(), DeviceSelector.Describe(generator.Device));
    }

    private static double Median(int repeats, Func<object> request)
    {
        request();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            request();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return repeats % 2 == 1 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
    }
}
