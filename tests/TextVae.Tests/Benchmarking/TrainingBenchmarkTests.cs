using System.Text.Json;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Benchmarking;

[Trait("Category", "Slow")]
public class TrainingBenchmarkTests
{
    private static readonly string[] Tiny =
    [
        "--corpus", RepositoryFiles.Get("corpora/default/train.txt"), "--sentences", "300", "--vocab", "300",
        "--embedding", "16", "--hidden", "32", "--latent", "4", "--batch", "8", "--device", "cpu", "--json",
    ];

    [Fact]
    public void Bench_train_prints_one_json_line_with_the_documented_fields()
    {
        var result = CliProcess.Run(["bench", "train", "--steps", "6", "--warmup", "2", .. Tiny]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var root = json.RootElement;
        Assert.True(root.GetProperty("tokens_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("ms_per_step").GetDouble() > 0);
        Assert.True(root.GetProperty("peak_rss_mb").GetDouble() > 50);
        Assert.True(root.GetProperty("threads").GetInt32() >= 1);
        Assert.StartsWith("cpu", root.GetProperty("device").GetString());
        Assert.True(double.IsFinite(root.GetProperty("final_loss").GetDouble()));
        Assert.Equal("float32", root.GetProperty("projection_precision").GetString());
    }

    [Fact]
    public void Bench_train_profile_accounts_for_each_phase_of_the_step()
    {
        var result = CliProcess.Run(["bench", "train", "--steps", "6", "--warmup", "2", "--profile", .. Tiny]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var phases = json.RootElement.GetProperty("profile_ms_per_step").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(["batch", "forward", "backward", "clip", "update"], phases.Keys);
        Assert.All(phases.Values, ms => Assert.True(ms > 0));
        // The phases tile the step: their sum is the step's time but for the loop around them.
        var step = json.RootElement.GetProperty("ms_per_step").GetDouble();
        Assert.InRange(phases.Values.Sum(), 0.8 * step, step);
    }

    [Fact]
    public void Bench_soak_samples_memory_at_the_requested_interval()
    {
        var result = CliProcess.Run(["bench", "soak", "--steps", "6", "--warmup", "1", "--sample-every", "2", .. Tiny]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var steps = json.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("step").GetInt32());
        Assert.Equal([0, 2, 4, 6], steps);
        Assert.True(double.IsFinite(json.RootElement.GetProperty("growth_percent").GetDouble()));
    }

    [Fact]
    public void Out_of_range_options_are_named()
    {
        var result = CliProcess.Run(["bench", "train", "--steps", "0", .. Tiny]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--steps", result.Error);
    }
}

[Trait("Category", "Slow")]
[Collection(TinyModelCollection.Name)]
public class GenerationBenchmarkTests(TinyModel tiny)
{
    [Fact]
    public void Bench_generate_reports_median_latencies_of_the_three_requests()
    {
        var result = CliProcess.Run(["bench", "generate", "--checkpoint", tiny.Checkpoint, "--repeats", "3", "--device", "cpu", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        foreach (var key in new[] { "sample_32_ms", "interpolate_10_ms", "paraphrase_20_ms" })
            Assert.True(json.RootElement.GetProperty(key).GetDouble() > 0, key);
        Assert.Equal(3, json.RootElement.GetProperty("repeats").GetInt32());
    }
}
