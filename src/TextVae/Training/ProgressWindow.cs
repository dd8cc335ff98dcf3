using System.Diagnostics;
using TextVae.Checkpoints;

namespace TextVae.Training;

/// <summary>
/// Training progress since the last log line: sentence-weighted mean loss terms and throughput. A single batch's
/// loss would swing with its length (batches are bucketed by length); the window's mean does not.
/// </summary>
public sealed class ProgressWindow
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _tokens;
    private int _steps;

    /// <summary>The loss sums since the last log line, saved in checkpoints so a resumed run logs the same means.</summary>
    public LossSums Sums { get; set; } = LossSums.Empty;

    public void Add(long sentences, long tokens, double loss, double reconstruction, double kl)
    {
        _tokens += tokens;
        _steps++;
        Sums = new LossSums(Sums.Sentences + sentences, Sums.Loss + loss * sentences,
            Sums.Reconstruction + reconstruction * sentences, Sums.Kl + kl * sentences);
    }

    public ProgressSnapshot Lap()
    {
        var seconds = Math.Max(1e-9, _clock.Elapsed.TotalSeconds);
        var sentences = Math.Max(1, Sums.Sentences);
        var snapshot = new ProgressSnapshot(_tokens / seconds, _steps > 0 ? seconds / _steps : double.NaN,
            Sums.Loss / sentences, Sums.Reconstruction / sentences, Sums.Kl / sentences);
        _tokens = 0;
        _steps = 0;
        Sums = LossSums.Empty;
        _clock.Restart();
        return snapshot;
    }
}
