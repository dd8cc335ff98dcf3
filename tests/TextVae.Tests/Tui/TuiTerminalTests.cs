using System.Text.RegularExpressions;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Tui;

/// <summary>The real <c>textvae tui</c> in a pseudo-terminal (tmux): keys typed as a user would, results read off the screen.</summary>
[Collection(TinyModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class TuiTerminalTests(TinyModel tiny)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [TmuxFact]
    public void Paraphrases_a_typed_sentence_in_a_real_terminal() => Paraphrase(120, 40);

    [TmuxFact]
    public void Paraphrases_in_a_new_terminals_80_by_24_with_every_option_visible()
    {
        var screen = Paraphrase(80, 24);
        Assert.Contains("Max length: 30", screen);
        Assert.Contains("○ distance", screen);
    }

    /// <summary>Opens the paraphrase view in a terminal of the size given, paraphrases a sentence and quits; returns the screen with the results.</summary>
    private string Paraphrase(int columns, int rows)
    {
        using var directory = new TemporaryDirectory();
        using var tmux = new Tmux();
        tmux.Start(directory.Path, columns, rows, "dotnet", CliProcess.ExecutablePath, "tui", "--checkpoint", tiny.Checkpoint, "--device", "cpu");
        tmux.WaitFor(screen => screen.Contains("Ctrl+Q") && screen.Contains("Count:"), Step, "main window");

        tmux.Keys("F4");
        tmux.WaitFor(screen => screen.Contains("Sentence:"), Step, "paraphrase view");
        tmux.Type("His petition charged mental cruelty .");
        tmux.Keys("C-g");
        var result = tmux.WaitFor(screen => screen.Contains("paraphrase: "), Step, "paraphrase results");

        Assert.Matches(FirstResult(), result);
        tmux.Keys("C-q");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (tmux.Running && clock.Elapsed < Step)
            Thread.Sleep(100);
        Assert.False(tmux.Running, "textvae tui did not quit on Ctrl+Q");
        return result;
    }

    /// <summary>The first ranked line: rank 1, a log probability, a distance.</summary>
    [GeneratedRegex(@"│\s+1\s+-\d+\.\d\d\s+\d+\.\d{3}\s")]
    private static partial Regex FirstResult();
}
