using System.Text.Json;

namespace TextVae.Tests.Cli;

/// <summary>The generation commands run as the real <c>textvae</c> on the tiny model's checkpoint.</summary>
[Collection(TinyModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class GenerationCommandTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Theory]
    [InlineData("sample", "--count", "4", "--strategy", "top-p", "--top-p", "0.8")]
    [InlineData("reconstruct", "the man said nothing .", "--sample-posterior")]
    [InlineData("interpolate", "the man said nothing .", "it was a good day .", "--steps", "5", "--mode", "slerp")]
    [InlineData("paraphrase", "the man said nothing .", "--count", "8", "--radius", "2", "--rank", "distance", "--strategy", "beam", "--beam", "2")]
    [InlineData("encode", "--data", "{corpus}", "--out", "{out}/codes.csv", "--plot", "{out}/codes.png")]
    [InlineData("neighbours", "it was a good day .", "--data", "{corpus}", "-k", "2")]
    [InlineData("arithmetic", "the man said nothing .", "-", "the man .", "+", "a woman .", "--strategy", "temperature", "--temperature", "0.5")]
    public void Json_output_is_one_parseable_document(params string[] args)
    {
        var result = Run([.. args, "--json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal(args[0], root.GetProperty("command").GetString());
        Assert.Equal(tiny.Checkpoint, root.GetProperty("checkpoint").GetString());
        Assert.True(root.TryGetProperty("inputs", out _) && root.TryGetProperty("settings", out _) && root.TryGetProperty("outputs", out _));
        Assert.True(root.TryGetProperty("training_corpus", out _), result.Output);
        Assert.DoesNotMatch("\"[a-z]+[A-Z][A-Za-z]*\":", result.Output); // snake_case keys only, no camelCase
    }

    [Fact]
    public void Human_output_marks_unknown_words_and_reads_arithmetic_operators()
    {
        var result = Run("arithmetic", "the zqxvw man .", "-", "the man .", "+", "a woman .");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("note: unknown word(s) in \"the zqxvw man .\", read as <unk>: zqxvw", result.Output);
        Assert.Contains("- the man .", result.Output);
        Assert.Contains("\n= ", result.Output);
    }

    [Theory]
    [InlineData("input: the sentence is empty", "reconstruct", " ")]
    [InlineData("--top-p must be in (0, 1]", "sample", "--strategy", "top-p", "--top-p", "2")]
    [InlineData("arithmetic: expected + or -", "arithmetic", "a", "b")]
    public void User_errors_are_one_line(string message, params string[] args)
    {
        var result = Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"textvae: error: {message}", result.Error.Trim().Split('\n').Single()[..$"textvae: error: {message}".Length]);
    }

    [Fact]
    public void Without_runs_the_error_says_to_train_first()
    {
        var result = CliProcess.Run(_directory.Path, TimeSpan.FromSeconds(60), "sample", "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--checkpoint not given", result.Error);
        Assert.Contains("train a model first", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    public void Dispose() => _directory.Dispose();

    private CliProcess.Result Run(params string[] args)
    {
        var expanded = args.Select(arg => arg.Replace("{corpus}", tiny.ValidCorpus).Replace("{out}", _directory.Path));
        return CliProcess.Run(_directory.Path, TimeSpan.FromSeconds(60), [.. expanded, "--checkpoint", tiny.Checkpoint, "--device", "cpu"]);
    }
}
