using TextVae.TensorBoard;
using TextVae.Training;

namespace TextVae.Tests.TensorBoard;

/// <summary>The tiny model's run folder holds TensorBoard events that say what metrics.jsonl says.</summary>
[Collection(TinyModelCollection.Name)]
public sealed class TrainingEventsTests(TinyModel tiny)
{
    [Fact]
    public void Every_metric_of_metrics_jsonl_is_a_scalar_at_its_step_and_validation_adds_text()
    {
        var file = Assert.Single(Directory.GetFiles(tiny.Run.Root, $"*{EventFileWriter.FileMarker}*"));
        var events = EventFileReader.Read(file);
        var scalars = events.SelectMany(e => e.Values.Where(v => v.Simple is not null).Select(v => (e.Step, v.Tag, Value: v.Simple!.Value)))
            .ToDictionary(s => (s.Step, s.Tag), s => s.Value);
        var records = new MetricsLog(tiny.Run.Metrics).ReadAll();

        Assert.Equal(0, events.Single(e => e.SessionStatus is not null).Step);
        var train = records.Where(r => r.Kind == MetricsRecordKind.Train).ToArray();
        Assert.NotEmpty(train);
        foreach (var record in train)
        {
            Assert.Equal((float)record.Loss, scalars[(record.Step, "train/loss")]);
            Assert.Equal((float)record.Reconstruction, scalars[(record.Step, "train/reconstruction")]);
            Assert.Equal((float)record.Kl, scalars[(record.Step, "train/kl")]);
            Assert.Equal((float)record.KlWeight, scalars[(record.Step, "train/kl_weight")]);
            Assert.Equal((float)record.LearningRate, scalars[(record.Step, "train/learning_rate")]);
            Assert.Equal((float)record.TokensPerSecond!.Value, scalars[(record.Step, "train/tokens_per_second")]);
        }
        var valid = records.Single(r => r.Kind == MetricsRecordKind.Valid);
        Assert.Equal((float)valid.Elbo!.Value, scalars[(valid.Step, "valid/elbo")]);
        Assert.Equal((float)valid.MutualInformation!.Value, scalars[(valid.Step, "valid/mutual_information")]);
        Assert.Equal(valid.ActiveUnits!.Value, scalars[(valid.Step, "valid/active_units")]);
        Assert.Equal((float)valid.Perplexity!.Value, scalars[(valid.Step, "valid/perplexity")]);

        var texts = events.Where(e => e.Step == valid.Step).SelectMany(e => e.Values).Where(v => v.Plugin == "text").ToDictionary(v => v.Tag, v => v.Text!);
        Assert.StartsWith("| input | reconstruction |", texts["valid/reconstructions"]);
        Assert.Equal(3 + 2, texts["valid/reconstructions"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // training.showReconstructions = 3
        Assert.Equal(3, texts["valid/samples"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.StartsWith("1. ")));
    }
}
