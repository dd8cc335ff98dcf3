using TextVae.Training;

namespace TextVae.Tests.Training;

public class MetricsLogTests
{
    [Fact]
    public void Lines_have_snake_case_keys()
    {
        using var directory = new TemporaryDirectory();
        var log = new MetricsLog(directory.File("metrics.jsonl"));

        log.Append(new MetricsRecord { Kind = MetricsRecordKind.Valid, Step = 10, Epoch = 1, KlWeight = 0.5, LearningRate = 1e-3, ActiveUnits = 3, MutualInformation = 0.2 });

        var keys = System.Text.Json.JsonDocument.Parse(File.ReadAllText(log.Path)).RootElement.EnumerateObject().Select(property => property.Name);
        Assert.Equal(["kind", "step", "epoch", "loss", "reconstruction", "kl", "kl_weight", "learning_rate", "active_units", "mutual_information"], keys);
        Assert.Equal(0.5, log.ReadAll().Single().KlWeight);
    }

    [Fact]
    public void Truncating_drops_the_records_a_resumed_run_repeats()
    {
        using var directory = new TemporaryDirectory();
        var log = new MetricsLog(directory.File("metrics.jsonl"));
        foreach (var step in new[] { 10, 20, 30, 40 })
            log.Append(new MetricsRecord { Kind = MetricsRecordKind.Train, Step = step, Epoch = 1 });

        log.TruncateAfter(25);

        Assert.Equal([10L, 20L], log.ReadAll().Select(r => r.Step));
    }
}
