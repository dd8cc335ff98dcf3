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
        var finished = value.Total is { } total && value.Sentences >= total;
        if (!finished && elapsed - _lastLine < Interval)
            return;
        _lastLine = elapsed;
        if (value.Total is not { } all)
        {
            // A streamed file's length is not known ahead: the rate is what tells how long is left.
            var rate = value.Sentences / Math.Max(elapsed.TotalSeconds, 1e-3);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {value.Sentences:N0} sentences, {Format(elapsed)} elapsed, {rate:N1}/s"));
            return;
        }
        var left = value.Sentences == 0 ? TimeSpan.Zero : elapsed * ((double)(all - value.Sentences) / value.Sentences);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {value.Sentences:N0}/{all:N0} sentences, {Format(elapsed)} elapsed{(finished ? "" : $", about {Format(left)} left")}"));
    }

    private static string Format(TimeSpan time) => TimeSpan.FromSeconds(Math.Round(time.TotalSeconds)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
