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
    public void Paraphrases_a_typed_sentence_in_a_real_terminal()
    {
        using var directory = new TemporaryDirectory();
        using var tmux = new Tmux();
        tmux.Start(directory.Path, 120, 40, "dotnet", CliProcess.ExecutablePath, "tui", "--checkpoint", tiny.Checkpoint, "--device", "cpu");
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
    }

    [TmuxFact]
    [Trait("Category", "Slow")]
    public void The_map_decodes_a_new_sentence_after_five_cursor_moves_in_a_real_terminal()
    {
        using var directory = new TemporaryDirectory();
        // A copy of the checkpoint, since the map caches beside it; a few hundred sentences keep the encoding short.
        var checkpoint = Path.Combine(directory.Path, "tiny.tvae");
        File.Copy(tiny.Checkpoint, checkpoint);
        var corpus = directory.Write("map.txt", [.. File.ReadLines(tiny.ValidCorpus).Take(120)]);
        using var tmux = new Tmux();
        tmux.Start(directory.Path, 120, 40, "dotnet", CliProcess.ExecutablePath, "tui", "--checkpoint", checkpoint, "--map-data", corpus, "--device", "cpu");
        tmux.WaitFor(screen => screen.Contains("Ctrl+Q") && screen.Contains("Count:"), Step, "main window");

        tmux.Keys("F6");
        var before = tmux.WaitFor(screen => Decoded(screen) is not null && screen.Contains("cursor: "), Step, "the map and the decoded cursor");
        Assert.Contains("cursor (0.00, 0.00)", before);
        Assert.Matches(@"[\u2801-\u28FF]", before);
        // Each move is one cell; zooming out first makes five of them cross a good part of the map.
        tmux.Keys("-", "-", "-");
        for (var i = 0; i < 5; i++)
            tmux.Keys("Right");
        var after = tmux.WaitFor(screen => screen.Contains("cursor (") && !screen.Contains("cursor (0.00, 0.00)") && !screen.Contains("working…"), Step, "the decoded sentence at the moved cursor");

        Assert.NotEqual(Decoded(before), Decoded(after));
        tmux.Keys("C-q");
    }

    /// <summary>The decoded sentence: the line under "cursor (x, y), log p …" in the panel beside the map.</summary>
    private static string? Decoded(string screen)
    {
        var lines = screen.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains("cursor (", StringComparison.Ordinal));
        if (index < 0 || index + 1 >= lines.Length)
            return null;
        var column = lines[index].IndexOf("cursor (", StringComparison.Ordinal);
        return lines[index + 1].Length > column ? lines[index + 1][column..].Trim().TrimEnd('│').Trim() : null;
    }

    /// <summary>The first ranked line: rank 1, a log probability, a distance.</summary>
    [GeneratedRegex(@"│\s+1\s+-\d+\.\d\d\s+\d+\.\d{3}\s")]
    private static partial Regex FirstResult();
}
