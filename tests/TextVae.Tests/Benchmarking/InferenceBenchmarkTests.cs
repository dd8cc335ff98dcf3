using System.Text.Json;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Benchmarking;

[Trait("Category", "Slow")]
[Collection(TinyModelCollection.Name)]
public class InferenceBenchmarkTests(TinyModel tiny)
{
    private string[] Model => ["--checkpoint", tiny.Checkpoint, "--data", tiny.ValidCorpus, "--device", "cpu"];

    [Fact]
    public void Bench_encode_prints_one_json_line_with_the_documented_fields()
    {
        var result = CliProcess.Run(["bench", "encode", .. Model, "--sentences", "100", "--batch", "32", "--threads", "1", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var root = json.RootElement;
        Assert.Equal("encode", root.GetProperty("command").GetString());
        Assert.Equal(100, root.GetProperty("sentences").GetInt64());
        // Every sentence has at least one word and its <eos>.
        Assert.True(root.GetProperty("tokens").GetInt64() >= 200);
        Assert.True(root.GetProperty("sentences_per_second").GetDouble() > 0);
        var seconds = root.GetProperty("seconds").GetDouble();
        Assert.Equal(root.GetProperty("tokens").GetInt64() / seconds, root.GetProperty("tokens_per_second").GetDouble(), 1e-6 * root.GetProperty("tokens_per_second").GetDouble());
        Assert.Equal(32, root.GetProperty("batch").GetInt32());
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.StartsWith("cpu", root.GetProperty("device").GetString());
        Assert.True(root.GetProperty("peak_rss_mb").GetDouble() > 50);
        Assert.False(root.TryGetProperty("samples", out _));
    }

    [Fact]
    public void Bench_score_counts_k_times_the_tokens_and_batches_as_the_checkpoint_by_default()
    {
        var result = CliProcess.Run(["bench", "score", .. Model, "--sentences", "20", "--samples", "3", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var root = json.RootElement;
        Assert.Equal("score", root.GetProperty("command").GetString());
        Assert.Equal(20, root.GetProperty("sentences").GetInt64());
        Assert.Equal(3, root.GetProperty("samples").GetInt32());
        var tokensPerSecond = root.GetProperty("tokens_per_second").GetDouble();
        Assert.Equal(3 * tokensPerSecond, root.GetProperty("sample_tokens_per_second").GetDouble(), 1e-6 * tokensPerSecond);
        Assert.Equal(16, root.GetProperty("batch").GetInt32()); // configs/tiny.json's data.batchSize
    }

    [Fact]
    public void The_short_line_names_the_rates()
    {
        var result = CliProcess.Run(["bench", "score", .. Model, "--sentences", "5", "--samples", "2"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^score 5 sentences in [\d.]+ s: [\d,]+ sentences/s  [\d,]+ tokens/s  K = 2: [\d,]+ sample tokens/s  batch 16  peak [\d,]+ MiB  cpu", result.Output.Trim());
    }

    [Theory]
    [InlineData("--batch", "0", "encode")]
    [InlineData("--sentences", "0", "encode")]
    [InlineData("--threads", "-1", "score")]
    [InlineData("--samples", "0", "score")]
    [InlineData("--chunk", "-1", "score")]
    public void Bad_values_are_one_line_errors_naming_the_flag(string flag, string value, string command)
    {
        var result = CliProcess.Run(["bench", command, .. Model, flag, value]);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(flag, error);
    }
}
