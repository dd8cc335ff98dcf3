using Microsoft.Extensions.Logging.Abstractions;
using TextVae.Training;

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
        var request = new TrainingRequest
        {
            ConfigPath = RepositoryFiles.Get("configs/tiny.json"),
            Overrides =
            [
                $"data.train={RepositoryFiles.Get("corpora/default/train.txt")}",
                $"data.valid={RepositoryFiles.Get("corpora/default/valid.txt")}",
                "training.maxSteps=150",
            ],
            RunFolder = _directory.File("tiny"),
            Device = "cpu",
        };
        using var session = TrainingSession.Prepare(request, NullLoggerFactory.Instance);
        session.Run(CancellationToken.None);
        if (session.Error is not null)
            throw new InvalidOperationException("the tiny model failed to train", session.Error);
        Run = session.Folder;
    }

    public RunFolder Run { get; }

    public string Checkpoint => Run.Best;

    public string TrainCorpus => RepositoryFiles.Get("corpora/default/train.txt");

    public string ValidCorpus => RepositoryFiles.Get("corpora/default/valid.txt");

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModel>
{
    public const string Name = "tiny model";
}
