using System.Globalization;

namespace PlainTorchSharp;

/// <summary>
/// bench/pytorch/bowman_vae.py's command line, flag for flag and with its defaults, so that a script passes the
/// same words to both; <c>--device</c> (the Python script always runs on the CPU) and
/// <c>--textvae-native-settings</c> (see <see cref="NativeDefaults"/>) are added.
/// </summary>
public sealed record BenchmarkArguments
{
    public const string Usage =
        "usage: plain-torchsharp --corpus CORPUS [--cell {gru,lstm}] [--embedding E] [--hidden H] [--latent Z] [--batch B]\n" +
        "                        [--max-len L] [--vocab V] [--word-dropout P] [--steps N] [--warmup W] [--threads T]\n" +
        "                        [--sentences S] [--seed SEED] [--device {cpu,cuda}]\n" +
        "                        [--textvae-native-settings] [--json]";

    public required string Corpus { get; init; }
    public CellKind Cell { get; init; } = CellKind.Lstm;
    public int Embedding { get; init; } = 300;
    public int Hidden { get; init; } = 256;
    public int Latent { get; init; } = 16;
    public int Batch { get; init; } = 32;
    public int MaxLength { get; init; } = 30;
    public int Vocabulary { get; init; } = 10_000;
    public double WordDropout { get; init; } = 0.25;

    /// <summary>Timed steps.</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Untimed steps before them.</summary>
    public int Warmup { get; init; } = 20;

    public int Threads { get; init; } = 1;
    public int Sentences { get; init; } = 10_000;
    public int Seed { get; init; } = 1;
    public string Device { get; init; } = "cpu";
    public bool Json { get; init; }

    /// <summary>Let TextVae's glibc malloc and OpenMP settings apply, as they do to TextVae (off: the libraries' defaults).</summary>
    public bool TextVaeNativeSettings { get; init; }

    /// <summary>Reads <c>--flag value</c> and <c>--flag=value</c> as argparse does; throws <see cref="ArgumentException"/> worded for the command line.</summary>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new BenchmarkArguments { Corpus = "" };
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = args[i].Split('=', 2) is [var name, var value] && name.StartsWith("--", StringComparison.Ordinal)
                ? (name, value)
                : (args[i], (string?)null);
            if (flag is "--json" or "--textvae-native-settings")
            {
                parsed = flag == "--json" ? parsed with { Json = true } : parsed with { TextVaeNativeSettings = true };
                continue;
            }
            var text = inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"argument {flag}: expected one argument"));
            parsed = flag switch
            {
                "--corpus" => parsed with { Corpus = text },
                "--cell" => parsed with { Cell = ParseCell(text) },
                "--embedding" => parsed with { Embedding = ParseInt(flag, text) },
                "--hidden" => parsed with { Hidden = ParseInt(flag, text) },
                "--latent" => parsed with { Latent = ParseInt(flag, text) },
                "--batch" => parsed with { Batch = ParseInt(flag, text) },
                "--max-len" => parsed with { MaxLength = ParseInt(flag, text) },
                "--vocab" => parsed with { Vocabulary = ParseInt(flag, text) },
                "--word-dropout" => parsed with { WordDropout = ParseDouble(flag, text) },
                "--steps" => parsed with { Steps = ParseInt(flag, text) },
                "--warmup" => parsed with { Warmup = ParseInt(flag, text) },
                "--threads" => parsed with { Threads = ParseInt(flag, text) },
                "--sentences" => parsed with { Sentences = ParseInt(flag, text) },
                "--seed" => parsed with { Seed = ParseInt(flag, text) },
                "--device" => parsed with { Device = text is "cpu" or "cuda" ? text : throw new ArgumentException($"argument --device: invalid choice: '{text}' (choose from 'cpu', 'cuda')") },
                _ => throw new ArgumentException($"unrecognized arguments: {args[i]}"),
            };
        }
        return parsed.Validate();
    }

    private BenchmarkArguments Validate()
    {
        if (Corpus.Length == 0)
            throw new ArgumentException("the following arguments are required: --corpus");
        foreach (var (flag, value) in new[] { ("--embedding", Embedding), ("--hidden", Hidden), ("--latent", Latent), ("--batch", Batch), ("--max-len", MaxLength), ("--steps", Steps), ("--threads", Threads), ("--sentences", Sentences) })
            if (value < 1)
                throw new ArgumentException($"argument {flag}: must be at least 1 (got {value})");
        if (Warmup < 0)
            throw new ArgumentException($"argument --warmup: must be at least 0 (got {Warmup})");
        if (Vocabulary <= PlainTorchSharp.Corpus.SpecialTokens.Count)
            throw new ArgumentException($"argument --vocab: must be larger than {PlainTorchSharp.Corpus.SpecialTokens.Count}, the special tokens (got {Vocabulary})");
        if (WordDropout is < 0 or >= 1)
            throw new ArgumentException($"argument --word-dropout: must be in [0, 1) (got {WordDropout.ToString(CultureInfo.InvariantCulture)})");
        return this;
    }

    private static CellKind ParseCell(string text) => text switch
    {
        "gru" => CellKind.Gru,
        "lstm" => CellKind.Lstm,
        _ => throw new ArgumentException($"argument --cell: invalid choice: '{text}' (choose from 'gru', 'lstm')"),
    };

    private static int ParseInt(string flag, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"argument {flag}: invalid int value: '{text}'");

    private static double ParseDouble(string flag, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"argument {flag}: invalid float value: '{text}'");
}
