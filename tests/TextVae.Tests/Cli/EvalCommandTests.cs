using System.Text.Json;

namespace TextVae.Tests.Cli;

[Collection(TinyModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class EvalCommandTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string Data() => tiny.FirstValidSentences(_directory, 20);

    [Fact]
    public void Eval_json_has_the_issue_keys_and_progress_goes_to_stderr()
    {
        var result = CliProcess.Run("eval", "--checkpoint", tiny.Checkpoint, "--data", Data(), "--samples", "5", "--prior-samples", "10", "--mi", "minibatch",
            "--json", "--device", "cpu");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        foreach (var key in new[] { "elbo", "rec", "kl", "iw_nll", "ppl", "mi", "mi_bound", "mi_at_bound", "au", "bleu", "distinct1", "distinct2", "self_bleu", "novelty",
                     "sentences", "tokens", "too_long" })
            Assert.True(json.TryGetProperty(key, out _), key);
        Assert.Equal("minibatch", json.GetProperty("mi_estimator").GetString());
        Assert.Equal(20, json.GetProperty("sentences").GetInt32());
        Assert.Contains("20 sentences", result.Error);
    }

    [Fact]
    public void Eval_prints_the_papers_table()
    {
        var result = CliProcess.Run("eval", "--checkpoint", tiny.Checkpoint, "--data", Data(), "--samples", "2", "--prior-samples", "0", "--device", "cpu");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"NLL\s+KL\s+MI\s+MI bound\s+AU\s+PPL", result.Output);
        Assert.Contains("aggregate estimator", result.Output);
        Assert.Contains(FormattableString.Invariant($"bound log N = {Math.Log(20):F2}"), result.Output);
        Assert.Contains("K = 2 samples", result.Output);
    }

    [Fact]
    public void Score_writes_one_json_line_per_sentence_and_lists_the_least_likely()
    {
        var data = Data();
        var jsonl = CliProcess.Run("score", "--checkpoint", tiny.Checkpoint, "--data", data, "--samples", "2", "--json", "--device", "cpu");
        var listing = CliProcess.Run("score", "--checkpoint", tiny.Checkpoint, "--data", data, "--samples", "2", "--top", "3", "--device", "cpu");

        Assert.True(jsonl.ExitCode == 0, jsonl.Error);
        var lines = jsonl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(Enumerable.Range(1, 20), lines.Select(line => line.GetProperty("line").GetInt32()));
        Assert.All(lines, line => Assert.True(line.GetProperty("iw_nll").GetDouble() > 0));
        Assert.True(listing.ExitCode == 0, listing.Error);
        Assert.Contains("The 3 least likely of 20 sentences", listing.Output);
    }

    [Fact]
    public void A_missing_checkpoint_is_a_one_line_error()
    {
        var result = CliProcess.Run("eval", "--checkpoint", _directory.File("none.tvae"), "--data", Data(), "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("none.tvae does not exist", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void A_missing_training_corpus_for_novelty_is_an_error_before_the_long_pass()
    {
        var result = CliProcess.Run("eval", "--checkpoint", tiny.Checkpoint, "--data", Data(), "--train", _directory.File("none.txt"), "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("corpus file not found", result.Error);
        Assert.DoesNotContain("IW-NLL", result.Error); // no progress line: nothing was sampled
    }

    public void Dispose() => _directory.Dispose();
}
