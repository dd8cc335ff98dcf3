using Terminal.Gui.Input;
using TextVae.Generation;
using TextVae.Tests.Cli;
using TextVae.Tests.Tui;
using TextVae.Tui;
using TextVae.Decoding;
using static TorchSharp.torch;
using TextVae.Runtime;

namespace TextVae.Tests.Reliability;

/// <summary>Text nobody should type, given to every command that reads a sentence: handled, never a crash.</summary>
[Collection(TinyModelCollection.Name)]
public sealed class HostileTextTests(TinyModel tiny) : IDisposable
{
    private static readonly string Megabyte = string.Concat(Enumerable.Repeat("the old man went home . ", (1 << 20) / 24));

    public static TheoryData<string, string> Inputs => new()
    {
        { "control characters", "the \u0001man\u0007 went\t home\u001b[31m ." },
        { "lone surrogates", "the \uD800man \uDFFF went home ." },
        { "right-to-left text", "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD \u202Ethe man\u202C ." },
        { "combining marks and emoji", "e\u0301\u0301\u0301 \U0001F600 the man ." },
    };

    private readonly TextGenerator _generator = TextGenerator.Load(tiny.Checkpoint, CPU);
    private readonly TemporaryDirectory _directory = new();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Reconstruct_interpolate_paraphrase_and_arithmetic_accept_odd_text(string kind, string text)
    {
        _ = kind; // names the case in the test list
        var options = new DecodingOptions { MaxLength = 12 };

        Assert.NotNull(_generator.Reconstruct(text, samplePosterior: false, options, seed: 1));
        Assert.NotEmpty(_generator.Interpolate(text, "the man went home .", 4, InterpolationPath.Slerp, options).Points);
        Assert.NotNull(_generator.Paraphrase(text, 5, 1.0, options, seed: 1, ParaphraseRanking.Likelihood));
        Assert.NotNull(_generator.Arithmetic([new ArithmeticTerm(1, text), new ArithmeticTerm(-1, "the man .")], options));
    }

    [Fact]
    public void A_one_megabyte_line_is_cut_to_data_max_length_with_a_notice()
    {
        var input = _generator.Read(Megabyte);
        var result = _generator.Paraphrase(Megabyte, 5, 1.0, new DecodingOptions { MaxLength = 12 }, seed: 1, ParaphraseRanking.Likelihood);

        Assert.True(input.Truncated);
        Assert.Equal(_generator.Checkpoint.Config.Data.MaxLength, input.Ids.Length);
        Assert.Contains(input.Notices, notice => notice.Contains("data.maxLength"));
        Assert.True(result.Input.Truncated);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_command_line_takes_a_long_odd_argument_and_reports_the_cut()
    {
        // One argument may hold at most 128 KiB on Linux; that is the longest a shell can pass.
        var argument = Megabyte[..100_000] + "\u0001\uD800\u05E9";

        var result = CliProcess.Run(["paraphrase", argument, "--checkpoint", tiny.Checkpoint, "--device", "cpu", "--count", "3"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("only the first", result.Output);
        Assert.Empty(result.Error);
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData("sample", "--strategy", "temperature", "--temperature", "0", "--temperature")]
    [InlineData("sample", "--count", "-1", "", "", "--count")]
    [InlineData("interpolate", "a b", "c d", "--steps", "0", "--steps")]
    [InlineData("paraphrase", "a b", "--radius", "-1", "", "--radius")]
    public void Out_of_range_generation_options_are_named(string command, string a, string b, string c, string d, string named)
    {
        string[] args = [command, .. new[] { a, b, c, d }.Where(arg => arg.Length > 0), "--checkpoint", tiny.Checkpoint, "--device", "cpu"];

        var result = CliProcess.Run(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(named, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void The_terminal_ui_paraphrases_a_megabyte_of_pasted_text_and_odd_characters()
    {
        using var ui = new TuiHarness(LoadedModel.Open(tiny.Checkpoint, DeviceChoice.Cpu), _directory.Path);
        var view = ui.Window.ParaphraseView;
        ui.Press(Key.F4);
        // Keys and pastes reach a terminal application as Unicode scalar values, so a lone surrogate cannot arrive there.
        var typable = Inputs.Select(row => ((string)row[0], (string)row[1])).Where(row => row.Item1 != "lone surrogates");
        foreach (var (_, text) in typable.Append(("megabyte", Megabyte)))
        {
            view.Sentence.Text = text;
            view.Paraphrase();
            ui.WaitForWorker();

            Assert.DoesNotContain("error", ui.Window.Status);
            Assert.NotEmpty(view.Lines);
            Assert.True(view.Sentence.Text.Length <= Form.MaxSentenceCharacters);
        }
    }

    public void Dispose()
    {
        _generator.Dispose();
        _directory.Dispose();
    }
}
