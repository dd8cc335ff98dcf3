using System.Text;
using TextVae.TensorBoard;

namespace TextVae.Training;

/// <summary>
/// Writes a run's curves and example sentences as TensorBoard event files in the run folder, next to
/// <c>metrics.jsonl</c>: <c>tensorboard --logdir runs</c> shows every run. Scalars are nats per sentence as in
/// metrics.jsonl; text shows reconstructions and prior samples each epoch.
/// </summary>
public sealed class TensorBoardLog : IDisposable
{
    private readonly EventFileWriter _events;

    /// <param name="startStep">The step training starts or resumes at; points an earlier file logged after it are superseded.</param>
    public TensorBoardLog(string directory, long startStep)
    {
        _events = new EventFileWriter(directory);
        _events.SessionStart(startStep);
    }

    /// <summary>Opens a new event file in <paramref name="directory"/> and writes <paramref name="trainer"/>'s reports to it from now on.</summary>
    public static TensorBoardLog Attach(Trainer trainer, string directory)
    {
        var log = new TensorBoardLog(directory, trainer.State.Step);
        trainer.Logged += log.OnTrainingLogged;
        trainer.Validated += log.OnValidated;
        return log;
    }

    public string Path => _events.Path;

    public void OnTrainingLogged(MetricsRecord record)
    {
        var step = record.Step;
        _events.Scalar("train/loss", step, record.Loss);
        _events.Scalar("train/reconstruction", step, record.Reconstruction);
        _events.Scalar("train/kl", step, record.Kl);
        _events.Scalar("train/kl_weight", step, record.KlWeight);
        _events.Scalar("train/learning_rate", step, record.LearningRate);
        if (record.TokensPerSecond is { } speed)
            _events.Scalar("train/tokens_per_second", step, speed);
    }

    public void OnValidated(ValidationReport report)
    {
        var record = report.Metrics;
        var step = record.Step;
        _events.Scalar("valid/elbo", step, record.Elbo ?? -record.Loss);
        _events.Scalar("valid/reconstruction", step, record.Reconstruction);
        _events.Scalar("valid/kl", step, record.Kl);
        if (record.Perplexity is { } perplexity)
            _events.Scalar("valid/perplexity", step, perplexity);
        if (record.MutualInformation is { } information)
            _events.Scalar("valid/mutual_information", step, information);
        if (record.ActiveUnits is { } active)
            _events.Scalar("valid/active_units", step, active);
        if (report.Reconstructions.Count > 0)
        {
            var table = new StringBuilder("| input | reconstruction |\n|---|---|\n");
            foreach (var example in report.Reconstructions)
                table.Append($"| {Cell(example.Input)} | {Cell(example.Output)} |\n");
            _events.Text("valid/reconstructions", step, table.ToString());
        }
        if (report.Samples.Count > 0)
            _events.Text("valid/samples", step, string.Concat(report.Samples.Select(sample => $"1. {Cell(sample)}\n")));
    }

    /// <summary>Sentence text inside Markdown: characters that would start markup are escaped.</summary>
    private static string Cell(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '|' or '*' or '_' or '`' or '<' or '>' or '[' or ']' or '#')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    public void Dispose() => _events.Dispose();
}
