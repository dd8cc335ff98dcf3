namespace TextVae.Tests.Tui;

/// <summary>A test that needs tmux; skipped with the reason where it is not installed (CI installs it).</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.Available)
            Skip = "tmux is not installed (apt-get install tmux)";
    }
}
