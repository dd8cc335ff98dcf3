using TextVae.Training;

namespace TextVae.Tests;

/// <summary>
/// Two tiny byte-level BPE models (configs/tiny.json with a 300-token BPE vocabulary learnt in the test, z fed to
/// every decoder step, free bits), trained once per test run for the compression tests; the second differs only in
/// its seed, so it stands for "another checkpoint". Tests must not change their files.
/// </summary>
public sealed class TinyBpeModel : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public TinyBpeModel()
    {
        Checkpoint = Train("bpe-a", seed: 7);
        OtherCheckpoint = Train("bpe-b", seed: 8);
    }

    public string Checkpoint { get; }

    public string OtherCheckpoint { get; }

    private string Train(string name, int seed) => TinyModel.Train(TinyModel.Request(_directory.File(name),
        "tokenizer.kind=bpe", "tokenizer.size=300", "model.latentToEveryStep=true", "objective.freeBits=0.1",
        "objective.wordDropout=0", "training.maxSteps=80", $"training.seed={seed}")).Best;

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TinyBpeModelCollection : ICollectionFixture<TinyBpeModel>
{
    public const string Name = "tiny BPE model";
}
