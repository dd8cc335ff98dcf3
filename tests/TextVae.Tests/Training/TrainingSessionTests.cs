using TextVae.Training;
using TextVae.Checkpoints;

namespace TextVae.Tests.Training;

[Collection(TinyModelCollection.Name)]
public class TrainingSessionTests(TinyModel tiny)
{
    [Fact]
    public void A_finished_run_leaves_best_and_last_checkpoints_metrics_and_curves()
    {
        Assert.True(File.Exists(tiny.Run.Best));
        Assert.True(File.Exists(tiny.Run.Last));
        Assert.True(File.Exists(tiny.Run.Curves));
        var records = new MetricsLog(tiny.Run.Metrics).ReadAll();
        Assert.Contains(records, r => r.Kind == MetricsRecordKind.Train && r.TokensPerSecond > 0);
        Assert.Contains(records, r => r.Kind == MetricsRecordKind.Valid && r.Elbo < 0 && r.MutualInformation is not null && r.ActiveUnits is not null);

        var last = Checkpoint.Load(tiny.Run.Last);
        Assert.True(last.State.Finished);
        Assert.Equal(150, last.State.Step);
        Assert.Equal(tiny.TrainCorpus, last.Info.TrainCorpus);
    }
}
