using TextVae.Configuration;
using TextVae.Model;
using TextVae.Runtime;

namespace TextVae.Benchmarking;

/// <summary>The plain Bowman-style model and data that <see cref="TrainingBenchmark"/> trains, as set on the command line.</summary>
public sealed record TrainingBenchmarkOptions
{
    private static readonly TrainingOptions TrainingDefaults = new();

    public required string Corpus { get; init; }
    public CellKind Cell { get; init; } = CellKind.Lstm;
    public int Embedding { get; init; } = 300;
    public int Hidden { get; init; } = 256;
    public int Latent { get; init; } = 16;
    public int Batch { get; init; } = 32;
    public int MaxLength { get; init; } = 30;
    public int Vocabulary { get; init; } = 10_000;
    public double WordDropout { get; init; } = 0.25;

    /// <summary>The optimiser, as <see cref="TrainingOptions.Optimizer"/> and with the same default.</summary>
    public OptimizerKind Optimizer { get; init; } = TrainingDefaults.Optimizer;
    public double LearningRate { get; init; } = TrainingDefaults.LearningRate;
    public double Momentum { get; init; } = TrainingDefaults.Momentum;
    public double GradientClip { get; init; } = TrainingDefaults.GradientClip;
    public ProjectionPrecision ProjectionPrecision { get; init; } = TrainingDefaults.ProjectionPrecision;

    public int Steps { get; init; } = 200;
    public int Warmup { get; init; } = 20;

    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default.</summary>
    public int Threads { get; init; }

    /// <summary>The first this many sentences of <see cref="Corpus"/> are used.</summary>
    public int Sentences { get; init; } = 10_000;

    /// <summary>Soak only: resident memory is sampled every this many steps.</summary>
    public int SampleEvery { get; init; } = 250;

    /// <summary>Time each phase of the measured steps (<see cref="TextVae.Training.StepProfile"/>).</summary>
    public bool Profile { get; init; }

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;
    public int Seed { get; init; } = 1;

    public TrainingBenchmarkOptions Validate()
    {
        ConfigCheck.Defined(Cell, "cell");
        if (Cell == CellKind.Transformer)
            throw new InvalidParameterException("cell", "must be a recurrent cell: the benchmark trains Bowman et al.'s RNN model (got 'transformer')");
        ConfigCheck.Positive(Embedding, "embedding");
        ConfigCheck.Positive(Hidden, "hidden");
        ConfigCheck.Positive(Latent, "latent");
        ConfigCheck.Positive(Batch, "batch");
        ConfigCheck.Positive(MaxLength, "maxLength");
        if (Vocabulary <= Tokenization.SpecialTokens.Count)
            throw new InvalidParameterException("vocabulary", $"must be larger than {Tokenization.SpecialTokens.Count}, the special tokens (got {Vocabulary})");
        ConfigCheck.InRange(WordDropout, 0, 1, "wordDropout");
        ConfigCheck.Defined(Optimizer, "optimizer");
        ConfigCheck.Positive(LearningRate, "learningRate");
        ConfigCheck.InRange(Momentum, 0, 1, "momentum");
        ConfigCheck.Positive(GradientClip, "gradientClip");
        ConfigCheck.Defined(ProjectionPrecision, "projectionPrecision");
        ConfigCheck.Positive(Steps, "steps");
        ConfigCheck.NotNegative(Warmup, "warmup");
        ConfigCheck.NotNegative(Threads, "threads");
        ConfigCheck.Positive(Sentences, "sentences");
        ConfigCheck.Positive(SampleEvery, "sampleEvery");
        return this;
    }

    /// <summary>The optimisation settings in the trainer's terms, for <see cref="TextVae.Training.TrainingModel"/>.</summary>
    public TrainingOptions ToTrainingOptions() => TrainingDefaults with { Optimizer = Optimizer, LearningRate = LearningRate, Momentum = Momentum, GradientClip = GradientClip, ProjectionPrecision = ProjectionPrecision };
}
