using Microsoft.Extensions.Logging.Abstractions;
using TextVae.Checkpoints;
using TextVae.Plotting;
using TextVae.Training;
using TextVae.Runtime;

namespace TextVae.Tests;

/// <summary>
/// A tiny model trained once per test run on the shipped default corpus (configs/tiny.json, a few seconds), for
/// tests that need a real checkpoint: generation, evaluation, commands. Tests must not change its files.
/// </summary>
public sealed class TinyModel : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public TinyModel()
    {
        Run = Train(Request(_directory.File("tiny"), "training.maxSteps=150"));
    }

    /// <summary>A request to train configs/tiny.json on the shipped default corpus, on the CPU, with extra --set overrides.</summary>
    public static TrainingRequest Request(string runFolder, params string[] overrides) => new()
    {
        ConfigPath = RepositoryFiles.Get("configs/tiny.json"),
        Overrides =
        [
            $"data.train={RepositoryFiles.Get("corpora/default/train.txt")}",
            $"data.valid={RepositoryFiles.Get("corpora/default/valid.txt")}",
            .. overrides,
        ],
        RunFolder = runFolder,
        Device = DeviceChoice.Cpu,
    };

    /// <summary>Trains in-process; <paramref name="prepare"/> may set hooks on the session before it runs.</summary>
    public static RunFolder Train(TrainingRequest request, Action<TrainingSession, CancellationTokenSource>? prepare = null)
    {
        using var session = TrainingSession.Prepare(request, NullLoggerFactory.Instance);
        TrainingCurvePlot.RedrawAfterEachValidation(session);
        using var cancel = new CancellationTokenSource();
        prepare?.Invoke(session, cancel);
        session.Run(cancel.Token);
        if (session.Error is not null)
            throw new InvalidOperationException("training failed", session.Error);
        return session.Folder;
    }

    public RunFolder Run { get; }

    public string Checkpoint => Run.Best;

    public string TrainCorpus => RepositoryFiles.Get("corpora/default/train.txt");

    public string ValidCorpus => RepositoryFiles.Get("corpora/default/valid.txt");

    /// <summary>Writes the validation corpus's first <paramref name="count"/> lines to a file in <paramref name="directory"/>; returns its path.</summary>
    internal string FirstValidSentences(TemporaryDirectory directory, int count) =>
        directory.Write($"valid-head-{count}.txt", File.ReadLines(ValidCorpus).Take(count).ToArray());

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModel>
{
    public const string Name = "tiny model";
}
