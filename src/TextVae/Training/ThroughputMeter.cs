using System.Diagnostics;

namespace TextVae.Training;

/// <summary>Throughput since the last lap, so tokens/s and the ETA reflect the current speed rather than the warm-up.</summary>
public sealed class ThroughputMeter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _tokens;
    private int _steps;

    public void Add(long tokens)
    {
        _tokens += tokens;
        _steps++;
    }

    public (double TokensPerSecond, double SecondsPerStep) Lap()
    {
        var seconds = Math.Max(1e-9, _clock.Elapsed.TotalSeconds);
        var result = (_tokens / seconds, _steps > 0 ? seconds / _steps : double.NaN);
        _tokens = 0;
        _steps = 0;
        _clock.Restart();
        return result;
    }
}
