using System.Diagnostics;

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
    private long _sentences;
    private double _loss;
    private double _reconstruction;
    private double _kl;

    /// <summary>The loss sums since the last log line, saved in checkpoints so a resumed run logs the same means.</summary>
    public LossSums Sums
    {
        get => new(_sentences, _loss, _reconstruction, _kl);
        set => (_sentences, _loss, _reconstruction, _kl) = (value.Sentences, value.Loss, value.Reconstruction, value.Kl);
    }

    public void Add(long sentences, long tokens, double loss, double reconstruction, double kl)
    {
        _sentences += sentences;
        _tokens += tokens;
        _steps++;
        _loss += loss * sentences;
        _reconstruction += reconstruction * sentences;
        _kl += kl * sentences;
    }

    public ProgressSnapshot Lap()
    {
        var seconds = Math.Max(1e-9, _clock.Elapsed.TotalSeconds);
        var sentences = Math.Max(1, _sentences);
        var snapshot = new ProgressSnapshot(_tokens / seconds, _steps > 0 ? seconds / _steps : double.NaN,
            _loss / sentences, _reconstruction / sentences, _kl / sentences);
        _tokens = 0;
        _steps = 0;
        _sentences = 0;
        _loss = _reconstruction = _kl = 0;
        _clock.Restart();
        return snapshot;
    }
}
