using TextVae.Cli;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Reliability;

/// <summary>Unknown commands and options and out-of-range values: one line naming the option or key, no stack trace.</summary>
public class BadArgumentTests
{
    private static readonly string Config = RepositoryFiles.Get("configs/tiny.json");

    public static TheoryData<string[], int, string> Cases => new()
    {
        { ["frobnicate"], 2, "'frobnicate'" },
        { ["train", "--colour"], 2, "--colour" },
        { ["train", "--set"], 2, "--set" },
        { ["train", "--device", "tpu"], 2, "--device: 'tpu' is not one of auto, cpu, cuda" },
        { ["vocab", "build", "--corpus", "c.txt", "--kind", "word", "--size", "many", "--out", "v"], 2, "--size" },
        { ["vocab", "build", "--corpus", "c.txt", "--kind", "word", "--size", "-5", "--out", "v"], 1, "--size must be larger than 4" },
        { ["vocab", "build", "--corpus", "c.txt", "--kind", "word", "--size", "99", "--min-count", "0", "--out", "v"], 1, "--min-count must be at least 1" },
        { ["bench", "train", "--steps", "0"], 1, "--steps must be greater than 0 (got 0)" },
        { ["bench", "train", "--max-len", "0"], 1, "--max-len must be greater than 0 (got 0)" },
        { ["bench", "train", "--vocab", "3"], 1, "--vocab must be larger than 4" },
        { Train("foo"), 1, "--set 'foo': expected key=value" },
        { Train("training.epochs=0"), 1, "training.epochs must be greater than 0" },
        { Train("training.maxSteps=-1"), 1, "training.maxSteps must not be negative" },
        { Train("training.learningRate=-1"), 1, "training.learningRate must be greater than 0" },
        { Train("training.learningRate=fast"), 1, "training.learningRate: 'fast' is not a valid number" },
        { Train("training.checkpointEvery=-5"), 1, "training.checkpointEvery must not be negative" },
        { Train("training.maxBadSteps=0"), 1, "training.maxBadSteps must be greater than 0" },
        { Train("data.batchSize=0"), 1, "data.batchSize must be greater than 0" },
        { Train("training.bogus=1"), 1, "unknown configuration key in 'training': training.bogus" },
        { Train("trainig.epochs=1"), 1, "unknown configuration section 'trainig'" },
        { Train("training.optimizer=rmsprop"), 1, "training.optimizer: 'rmsprop' is not one of adam, sgd" },
        { Train("training.learningRateSchedule=cosine"), 1, "training.learningRateSchedule: 'cosine' is not one of constant, plateau" },
        { Train("tokenizer.kind=chars"), 1, "tokenizer.kind: 'chars' is not one of word, bpe" },
        { ["sample", "--strategy", "nucleus"], 2, "--strategy: 'nucleus' is not one of greedy, temperature, top-k, top-p, beam" },
        { ["interpolate", "a", "b", "--mode", "cubic"], 2, "--mode: 'cubic' is not one of linear, slerp" },
        { ["paraphrase", "a", "--rank", "bleu"], 2, "--rank: 'bleu' is not one of likelihood, distance" },
        { ["vocab", "build", "--corpus", "c.txt", "--kind", "chars", "--size", "99", "--out", "v"], 2, "--kind: 'chars' is not one of word, bpe" },
        { ["bench", "train", "--optimizer", "adamw"], 2, "--optimizer: 'adamw' is not one of adam, sgd" },
        { ["bench", "train", "--learning-rate", "0"], 1, "--learning-rate must be greater than 0 (got 0)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_argument_is_a_one_line_error_naming_the_option(string[] args, int exitCode, string expected)
    {
        using var temp = new TemporaryDirectory();
        var error = new StringWriter();

        var code = await TextVaeCommandLine.RunAsync(args[0] == "train" ? ["train", "--out", temp.File("run"), .. args[1..]] : args, new StringWriter(), error);

        TinyRun.AssertOneLineError(new CliProcess.Result(code, "", error.ToString()), exitCode, expected);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_usage_error_exits_with_code_2_from_the_real_command()
    {
        var result = CliProcess.Run("train", "--colour", "blue");

        TinyRun.AssertOneLineError(result, 2, "Unrecognized command or argument '--colour'", "(see 'textvae train --help')");
    }

    private static string[] Train(string setting) => ["train", "--config", Config, "--set", setting, "--device", "cpu"];
}
