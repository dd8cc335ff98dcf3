using System.Globalization;
using System.Text.Json;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Generation;
using TextVae.Training;
using TextVae.Checkpoints;

namespace TextVae.Tui;

/// <summary>What the loaded model is: checkpoint, configuration, vocabulary, size, training metrics, device, and the last request's time.</summary>
public sealed class ModelView : GenerationView
{
    public ModelView(LoadedModel model, GenerationWorker worker)
        : base("Model", model, worker)
    {
        PlaceResults(0, legend: null);
        Refresh();
        worker.Reported += _ => Refresh();
    }

    public override View FirstField => Results;

    private void Refresh()
    {
        var lines = Model.Generator is { } generator ? Describe(generator.Describe()) : [Model.Problem!];
        ShowLines([.. lines, Row("Last request", Worker.LastRequest ?? "none yet")]);
    }

    private static IEnumerable<string> Describe(ModelDescription model)
    {
        var options = model.Config.Model;
        yield return Row("Checkpoint", model.Checkpoint);
        yield return Row("Saved", $"{model.Info.SavedAt:yyyy-MM-dd HH:mm} by TextVae {model.Info.TextVaeVersion}");
        yield return Row("Device", model.Device);
        yield return Row("Tokenizer", $"{EnumSpelling.Of(model.TokenizerKind)}, vocabulary {model.VocabularySize:N0} tokens");
        yield return Row("Parameters", $"{model.Parameters:N0}");
        yield return Row("Encoder", $"{EnumSpelling.Of(options.Encoder)} × {options.EncoderLayers}{(options.Bidirectional ? ", bidirectional" : "")}");
        yield return Row("Decoder", $"{EnumSpelling.Of(options.Decoder)} × {options.DecoderLayers}");
        yield return Row("Sizes", $"embedding {options.EmbeddingSize}, hidden {options.HiddenSize}, latent {options.LatentSize}");
        yield return Row("Max length", $"{model.Config.Data.MaxLength} tokens");
        yield return Row("Trained", $"{model.TrainedSteps:N0} steps");
        if (LastValidation(model.Checkpoint) is { } valid)
            yield return Row("Validation", string.Create(CultureInfo.InvariantCulture,
                $"step {valid.Step}: ELBO {-valid.Loss:0.00}, reconstruction {valid.Reconstruction:0.00}, KL {valid.Kl:0.00}, perplexity {valid.Perplexity:0.0}, active units {valid.ActiveUnits}"));
        yield return Row("Training corpus", model.TrainingCorpus ?? "not available here (no verbatim marks)");
    }

    /// <summary>The newest validation record in the run's metrics log beside the checkpoint, if there is a readable one.</summary>
    private static MetricsRecord? LastValidation(string checkpoint)
    {
        var log = new MetricsLog(new RunFolder(Path.GetDirectoryName(Path.GetFullPath(checkpoint))!).Metrics);
        try
        {
            return log.ReadAll().LastOrDefault(record => record.Kind == MetricsRecordKind.Valid);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null; // a damaged log only costs this line of the view
        }
    }

    private static string Row(string name, string value) => $"{name,-16}{value}";
}
