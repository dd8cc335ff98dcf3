namespace TextVae.Checkpoints;

/// <summary>The files of one training run, <c>runs/NAME/</c>: checkpoints, metrics and curves.</summary>
public sealed record RunFolder(string Root)
{
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Root));
    public string Last => Path.Combine(Root, "last.tvae");
    public string Best => Path.Combine(Root, "best.tvae");
    public string Metrics => Path.Combine(Root, "metrics.jsonl");
    public string Curves => Path.Combine(Root, "curves.png");

    public RunFolder Create()
    {
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"cannot create the run folder {Root}: {e.Message}", e);
        }
        return this;
    }

    /// <summary>The checkpoint to use from this run for generation: <c>best</c> when there is one, else <c>last</c>.</summary>
    public string? PreferredCheckpoint => File.Exists(Best) ? Best : File.Exists(Last) ? Last : null;
}
