using TextVae.Tests.Cli;

namespace TextVae.Tests.Tui;

/// <summary>The map of the real <c>textvae tui</c> in a pseudo-terminal (tmux), with a tiny model whose latent is used.</summary>
[Collection(TinyMapModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class MapTerminalTests(TinyMapModel model)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [TmuxFact]
    public void The_map_decodes_a_new_sentence_after_five_cursor_moves_in_a_real_terminal()
    {
        using var directory = new TemporaryDirectory();
        // A copy of the checkpoint, since the map caches beside it.
        var checkpoint = Path.Combine(directory.Path, "map.tvae");
        File.Copy(model.Checkpoint, checkpoint);
        using var tmux = new Tmux();
        tmux.Start(directory.Path, 120, 40, "dotnet", CliProcess.ExecutablePath, "tui", "--checkpoint", checkpoint, "--map-data", model.Corpus, "--device", "cpu");
        tmux.WaitFor(screen => screen.Contains("Ctrl+Q") && screen.Contains("Count:"), Step, "main window");

        tmux.Keys("F6");
        tmux.WaitFor(screen => Decoded(screen) is not null && screen.Contains("cursor: "), Step, "the map and the decoded cursor");
        // Lifted from the nearest sentence, a point near a corpus sentence decodes to it: a walk crosses their neighbourhoods.
        tmux.Keys("C-l");
        var before = tmux.WaitFor(screen => screen.Contains("nearest sentence") && screen.Contains("cursor: ") && !screen.Contains("working…"), Step, "the cursor decoded with the nearest lift");
        Assert.Contains("cursor (0.00, 0.00)", before);
        Assert.Matches(@"[\u2801-\u28FF]", before);
        // Each move is one cell; zooming out first makes five of them cross a good part of the map.
        tmux.Keys("-", "-", "-");
        for (var i = 0; i < 5; i++)
            tmux.Keys("Right");
        var after = tmux.WaitForSettled(screen => screen.Contains("cursor (") && !screen.Contains("cursor (0.00, 0.00)") && !screen.Contains("working…"),
            Step, TimeSpan.FromSeconds(1), "the decoded sentence at the moved cursor");

        Assert.NotEqual(Decoded(before), Decoded(after));
        Assert.True(Learnt(Decoded(before)), before);
        Assert.True(Learnt(Decoded(after)), after);
        tmux.Keys("C-q");
    }

    /// <summary>Whether a decoded line is one of the sentences the model learnt, marked as found in its training corpus (its end may be cut by the panel).</summary>
    private bool Learnt(string? decoded) =>
        decoded is ['*', ' ', .. var text] && text.Length > 0 && model.Sentences.Any(sentence => sentence.ToLowerInvariant().StartsWith(text, StringComparison.Ordinal));

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
}
