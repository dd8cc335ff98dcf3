namespace TextVae.Checkpoints;

/// <summary>
/// The checkpoint a command uses when none is named: of every run under <c>runs/</c>, its preferred checkpoint
/// (<c>best</c>, else <c>last</c>), the most recently written one winning.
/// </summary>
public static class CheckpointLocator
{
    public const string RunsDirectory = "runs";

    public static string? FindNewest(string runsDirectory = RunsDirectory) =>
        Directory.Exists(runsDirectory)
            ? Directory.EnumerateDirectories(runsDirectory)
                .Select(directory => new RunFolder(directory).PreferredCheckpoint)
                .OfType<string>()
                .MaxBy(File.GetLastWriteTimeUtc)
            : null;

    /// <summary>The requested checkpoint, or the newest under <paramref name="runsDirectory"/> when none was requested.</summary>
    public static string Resolve(string? requested, string runsDirectory = RunsDirectory)
    {
        if (requested is not null)
            return File.Exists(requested) ? requested : throw new TextVaeException($"checkpoint {requested} does not exist");
        return FindNewest(runsDirectory)
            ?? throw new TextVaeException($"no checkpoint under {runsDirectory}/: run `textvae quickstart` or `textvae train` first, or pass --checkpoint PATH");
    }
}
