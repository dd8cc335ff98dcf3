using TextVae.Plotting;
using TextVae.Training;

namespace TextVae.Tests.Plotting;

public class TrainingCurvePlotTests
{
    [Fact]
    public void Writes_a_png_from_train_and_valid_records()
    {
        using var directory = new TemporaryDirectory();
        var log = new MetricsLog(directory.File("metrics.jsonl"));
        for (var step = 1; step <= 20; step++)
            log.Append(new MetricsRecord { Kind = MetricsRecordKind.Train, Step = step * 10, Epoch = 1, Loss = 60 - step, Reconstruction = 58 - step, Kl = step * 0.1, KlWeight = step / 20.0 });
        log.Append(new MetricsRecord { Kind = MetricsRecordKind.Valid, Step = 200, Epoch = 1, Reconstruction = 41, Kl = 2 });
        var png = directory.File("curves.png");

        TrainingCurvePlot.Render(log.ReadAll(), png, "test run");

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 10_000);
    }
}
