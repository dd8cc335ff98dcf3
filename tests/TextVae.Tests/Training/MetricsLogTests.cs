using TextVae.Training;

namespace TextVae.Tests.Training;

public class MetricsLogTests
{
    [Fact]
    public void Truncating_drops_the_records_a_resumed_run_repeats()
    {
        using var directory = new TemporaryDirectory();
        var log = new MetricsLog(directory.File("metrics.jsonl"));
        foreach (var step in new[] { 10, 20, 30, 40 })
            log.Append(new MetricsRecord { Kind = "train", Step = step, Epoch = 1 });

        log.TruncateAfter(25);

        Assert.Equal([10L, 20L], log.ReadAll().Select(r => r.Step));
    }
}
