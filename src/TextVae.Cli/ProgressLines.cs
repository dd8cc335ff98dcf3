using System.Diagnostics;
using System.Globalization;
using TextVae.Evaluation;

namespace TextVae.Cli;

/// <summary>
/// Progress of a long importance-sampling pass as plain lines on standard error (sentences done, elapsed, time left),
/// at most one every few seconds, plus the last: readable in a terminal and in a log alike.
/// </summary>
public sealed class ProgressLines(TextWriter error, string label) : IProgress<ScoringProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLine;

    public void Report(ScoringProgress value)
    {
        var elapsed = _clock.Elapsed;
        var finished = value.Sentences >= value.Total;
        if (!finished && elapsed - _lastLine < Interval)
            return;
        _lastLine = elapsed;
        var left = value.Sentences == 0 ? TimeSpan.Zero : elapsed * ((double)(value.Total - value.Sentences) / value.Sentences);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {value.Sentences:N0}/{value.Total:N0} sentences, {Format(elapsed)} elapsed{(finished ? "" : $", about {Format(left)} left")}"));
    }

    private static string Format(TimeSpan time) => TimeSpan.FromSeconds(Math.Round(time.TotalSeconds)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
