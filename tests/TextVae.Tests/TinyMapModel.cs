using TextVae.Checkpoints;
using TextVae.Runtime;
using static TorchSharp.torch;

namespace TextVae.Tests;

/// <summary>
/// A tiny model whose latent code carries its sentences, for the map tests: configs/tiny.json trained for a few
/// seconds as a near-autoencoder (KL weight a constant 0.05, no word dropout, z fed to every decoder step) on a few
/// short sentences of the shipped corpus, until it reconstructs them from their posterior means, so different regions
/// of the map decode to different sentences. (The shared <see cref="TinyModel"/> decodes about the same sentence
/// everywhere: its KL term wins.) Trained once per test run; tests must not change its files.
/// </summary>
public sealed class TinyMapModel : IDisposable
{
    public const int SentenceCount = 16;
    private const int Steps = 120; // one epoch of this many batches, each all the sentences

    private readonly TemporaryDirectory _directory = new();

    public TinyMapModel()
    {
        Sentences = [.. File.ReadLines(RepositoryFiles.Get("corpora/default/train.txt"))
            .Where(line => line.Split(' ').Length <= 9).Distinct().Take(SentenceCount)];
        Corpus = _directory.Write("sentences.txt", [.. Sentences]);
        var train = _directory.Write("train.txt", [.. Enumerable.Repeat(Sentences, Steps).SelectMany(lines => lines)]);
        // One thread: libtorch's second one only waits on tensors this small, and slows a loaded machine badly.
        var threads = get_num_threads();
        try
        {
            Run = TinyModel.Train(new()
            {
                ConfigPath = RepositoryFiles.Get("configs/tiny.json"),
                Overrides =
                [
                    $"data.train={train}", $"data.valid={Corpus}", $"data.batchSize={SentenceCount}", "tokenizer.minCount=1",
                    "model.hiddenSize=64", "model.latentToEveryStep=true",
                    "objective.klSchedule.kind=constant", "objective.klSchedule.beta=0.05", "objective.wordDropout=0",
                    "training.learningRate=0.01", "training.maxSteps=0", "training.threads=1",
                ],
                RunFolder = _directory.File("map"),
                Device = DeviceChoice.Cpu,
            });
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>The distinct sentences it was trained on (as in the corpus file, not lowercased); also its validation corpus.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>A file of <see cref="Sentences"/>, one per line: the corpus the map tests show.</summary>
    public string Corpus { get; }

    public RunFolder Run { get; }

    public string Checkpoint => Run.Best;

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TinyMapModelCollection : ICollectionFixture<TinyMapModel>
{
    public const string Name = "tiny map model";
}
