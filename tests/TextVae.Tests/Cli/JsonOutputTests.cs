using System.CommandLine;
using System.Text.Json;
using TextVae.Cli;

namespace TextVae.Tests.Cli;

/// <summary>
/// Every command of the real command tree that has <c>--json</c> prints valid JSON with its documented keys
/// (JSON Lines for <c>score</c>). A new command with <c>--json</c> fails here until it is added to <see cref="Cases"/>.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class JsonOutputTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static readonly string[] GenerationKeys = ["command", "checkpoint", "inputs", "settings", "outputs"];

    private static readonly string[] Model = ["--checkpoint", "{checkpoint}", "--device", "cpu"];

    private static readonly string[] InferenceBenchmarkKeys =
        ["command", "sentences", "tokens", "seconds", "sentences_per_second", "tokens_per_second", "batch", "threads", "device", "peak_rss_mb"];

    /// <summary>Command path → arguments ({checkpoint}, {corpus}, {out}) and the top-level keys of each JSON document.</summary>
    private static readonly Dictionary<string, (string[] Args, string[] Keys)> Cases = new()
    {
        ["sample"] = ([.. Model, "--count", "2"], GenerationKeys),
        ["reconstruct"] = ([.. Model, "the man said nothing ."], GenerationKeys),
        ["interpolate"] = ([.. Model, "the man said nothing .", "it was a good day .", "--steps", "3"], GenerationKeys),
        ["paraphrase"] = ([.. Model, "the man said nothing .", "--count", "3"], GenerationKeys),
        ["arithmetic"] = ([.. Model, "the man said nothing .", "+", "it was a good day ."], GenerationKeys),
        ["encode"] = ([.. Model, "--data", "{corpus}", "--out", "{out}/codes.jsonl"], GenerationKeys),
        ["neighbours"] = ([.. Model, "it was a good day .", "--data", "{corpus}", "-k", "2"], GenerationKeys),
        ["eval"] = ([.. Model, "--data", "{corpus}", "--samples", "2", "--prior-samples", "4"],
            ["elbo", "rec", "kl", "iw_nll", "ppl", "mi", "au", "bleu", "distinct1", "distinct2", "self_bleu", "novelty", "sentences", "tokens"]),
        ["eval merge"] = (["{out}/eval-part.json"],
            ["elbo", "rec", "kl", "iw_nll", "ppl", "mi", "mi_estimator", "mi_bound", "au", "bleu", "distinct1", "self_bleu", "sentences", "tokens", "too_long"]),
        ["score"] = ([.. Model, "--data", "{corpus}", "--samples", "2"], ["line", "text", "tokens", "elbo", "rec", "kl", "iw_nll", "nll_per_token", "rec_at_mean"]),
        ["export"] = (["--checkpoint", "{checkpoint}", "--out", "{out}/export"], ["command", "checkpoint", "checkpoint_sha256", "directory", "files", "tensors", "parameters", "textvae_version"]),
        ["bench generate"] = ([.. Model, "--repeats", "1"], ["sample_32_ms", "interpolate_10_ms", "paraphrase_20_ms", "repeats", "threads", "device"]),
        ["bench train"] = ([.. TinyBenchmark(), "--device", "cpu"], ["tokens_per_second", "ms_per_step", "peak_rss_mb", "threads", "device", "steps", "padding_fraction", "final_loss", "projection_precision"]),
        ["bench soak"] = ([.. TinyBenchmark(), "--sample-every", "1", "--device", "cpu"], ["samples", "growth_percent", "peak_rss_mb", "tokens_per_second"]),
        ["bench encode"] = ([.. Model, "--data", "{corpus}", "--sentences", "20"], [.. InferenceBenchmarkKeys]),
        ["bench score"] = ([.. Model, "--data", "{corpus}", "--sentences", "5", "--samples", "2"], [.. InferenceBenchmarkKeys, "samples", "sample_tokens_per_second"]),
        ["bench map"] = ([.. Model, "--data", "{corpus}", "--moves", "2"],
            ["sentences", "first_open_s", "cached_open_s", "cursor_move_median_ms", "cursor_move_p90_ms", "moves", "threads", "device"]),
        ["bench compress"] = (["--checkpoint", "{bpe-checkpoint}", "--device", "cpu", "--data", "{corpus}", "--batch-sizes", "2", "--scan-bytes", "200"],
            ["data", "bytes", "characters", "figures", "missing", "neg_elbo_bits", "bits_back_ideal_bits", "chunks", "batch_speeds", "device", "threads"]),
    };

    private static string[] TinyBenchmark() =>
        ["--corpus", RepositoryFiles.Get("corpora/default/valid.txt"), "--sentences", "64", "--vocab", "100", "--embedding", "8", "--hidden", "8",
         "--latent", "2", "--batch", "8", "--steps", "2", "--warmup", "1", "--threads", "1"];

    private IEnumerable<string> Expand(string[] args) => args.Select(arg => arg switch
    {
        // Only a byte-level BPE model can compress; one is trained for the case that needs it.
        "{bpe-checkpoint}" => TinyModel.Train(TinyModel.Request(_directory.File("bpe"), "tokenizer.kind=bpe", "tokenizer.size=300", "training.maxSteps=10")).Last,
        _ => arg.Replace("{checkpoint}", tiny.Checkpoint).Replace("{corpus}", tiny.ValidCorpus).Replace("{out}", _directory.Path),
    });

    public static TheoryData<string> CommandsWithJson()
    {
        var paths = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            if (command.Options.Any(option => option.Name == "--json") && path != BenchCompress)
                paths.Add(path);
            foreach (var sub in command.Subcommands)
                Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
        }
        Walk(TextVaeCommandLine.Build(), "");
        return paths;
    }

    private const string BenchCompress = "bench compress";

    [Fact]
    public Task Bench_compress_json_output_parses_and_has_the_documented_keys() => Json_output_parses_and_has_the_documented_keys(BenchCompress);

    [Theory]
    [MemberData(nameof(CommandsWithJson))]
    public async Task Json_output_parses_and_has_the_documented_keys(string path)
    {
        Assert.True(Cases.ContainsKey(path), $"'{path}' has --json: add its arguments and keys to {nameof(Cases)}");
        var (args, keys) = Cases[path];
        var expanded = Expand(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        if (path == "eval merge") // the part it merges, from the eval case's arguments
            Assert.Equal(0, await TextVaeCommandLine.RunAsync(["eval", .. Expand(Cases["eval"].Args), "--part", Path.Combine(_directory.Path, "eval-part.json")], new StringWriter(), error));

        var exit = await TextVaeCommandLine.RunAsync([.. path.Split(' '), .. expanded, "--json"], output, error);

        Assert.True(exit == 0, error.ToString());
        var documents = path == "score"
            ? output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : [output.ToString()];
        Assert.NotEmpty(documents);
        foreach (var text in documents)
        {
            using var document = JsonDocument.Parse(text);
            var names = document.RootElement.EnumerateObject().Select(property => property.Name).ToArray();
            Assert.All(keys, key => Assert.Contains(key, names));
        }
    }

    public void Dispose() => _directory.Dispose();
}
