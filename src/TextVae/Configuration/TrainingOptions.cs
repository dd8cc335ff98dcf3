using Microsoft.Extensions.Configuration;
using TextVae.Model;

namespace TextVae.Configuration;

/// <summary>The <c>training</c> section of a configuration: optimisation, schedule of validation and checkpoints, stopping.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Stop after this many optimiser steps in total; 0 means no limit.</summary>
    public long MaxSteps { get; init; }

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 1e-3;
    public double Momentum { get; init; }
    public double GradientClip { get; init; } = 5.0;

    /// <summary>Number format of the output projection while training (docs/training.md); float32 is exact.</summary>
    public ProjectionPrecision ProjectionPrecision { get; init; } = ProjectionPrecision.Float32;

    public LearningRateScheduleKind LearningRateSchedule { get; init; } = LearningRateScheduleKind.Constant;
    public double PlateauFactor { get; init; } = 0.5;
    public int PlateauPatience { get; init; } = 1;
    public double MinLearningRate { get; init; } = 1e-5;

    /// <summary>Epochs without a better validation ELBO before stopping; 0 turns early stopping off.</summary>
    public int EarlyStoppingPatience { get; init; } = 3;

    public int Seed { get; init; } = 1234;

    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default (one per core).</summary>
    public int Threads { get; init; }

    public int LogEvery { get; init; } = 50;

    /// <summary>Write the <c>last</c> checkpoint every this many steps as well as after each epoch; 0 means epochs only.</summary>
    public int CheckpointEvery { get; init; } = 500;

    /// <summary>Consecutive steps with a non-finite loss tolerated (each skipped) before training stops.</summary>
    public int MaxBadSteps { get; init; } = 10;

    /// <summary>Validation sentences reconstructed and shown after each epoch.</summary>
    public int ShowReconstructions { get; init; } = 3;

    /// <summary>
    /// Validation uses at most this many sentences of the validation corpus (its first ones), for ELBO, KL, active units
    /// and mutual information each epoch; 0 uses them all. MI's cost grows with the square of this number.
    /// </summary>
    public int ValidationSentences { get; init; } = 10_000;

    /// <summary>
    /// The settings a resumed run may change: how long it runs, how often it logs and saves, and how many threads
    /// it uses. Every other setting shapes the model, the data or the optimiser's path, which the checkpoint fixes.
    /// </summary>
    public static readonly string[] ResumableKeys =
        ["epochs", "maxSteps", "earlyStoppingPatience", "threads", "logEvery", "checkpointEvery", "maxBadSteps", "showReconstructions"];

    /// <summary>These options with <paramref name="overrides"/> (<c>training.epochs=12</c>, …) applied, for a resumed run.</summary>
    public TrainingOptions WithResumeOverrides(IEnumerable<string> overrides)
    {
        var assignments = ConfigBinding.ParseOverrides(overrides);
        foreach (var key in assignments.Keys)
        {
            var parts = key.Split(':');
            if (parts.Length != 2 || !parts[0].Equals("training", StringComparison.OrdinalIgnoreCase)
                || !ResumableKeys.Contains(parts[1], StringComparer.OrdinalIgnoreCase))
                throw new InvalidParameterException("overrides",
                    $"'{key.Replace(':', '.')}' cannot change when a run is resumed, since the checkpoint fixes it; a resumed run may change only {string.Join(", ", ResumableKeys.Select(name => "training." + name))}");
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(assignments).Build();
        var changed = ConfigBinding.BindOver(configuration, "training", this with { });
        changed.Validate();
        return changed;
    }

    public void Validate()
    {
        ConfigCheck.Positive(Epochs, "training.epochs");
        ConfigCheck.NotNegative(MaxSteps, "training.maxSteps");
        ConfigCheck.Defined(Optimizer, "training.optimizer");
        ConfigCheck.Positive(LearningRate, "training.learningRate");
        ConfigCheck.InRange(Momentum, 0, 1, "training.momentum");
        ConfigCheck.Positive(GradientClip, "training.gradientClip");
        ConfigCheck.Defined(ProjectionPrecision, "training.projectionPrecision");
        ConfigCheck.Defined(LearningRateSchedule, "training.learningRateSchedule");
        ConfigCheck.InRange(PlateauFactor, 0, 1, "training.plateauFactor");
        ConfigCheck.NotNegative(PlateauPatience, "training.plateauPatience");
        ConfigCheck.NotNegative(MinLearningRate, "training.minLearningRate");
        ConfigCheck.NotNegative(EarlyStoppingPatience, "training.earlyStoppingPatience");
        ConfigCheck.NotNegative(Threads, "training.threads");
        ConfigCheck.Positive(LogEvery, "training.logEvery");
        ConfigCheck.NotNegative(CheckpointEvery, "training.checkpointEvery");
        ConfigCheck.Positive(MaxBadSteps, "training.maxBadSteps");
        ConfigCheck.NotNegative(ShowReconstructions, "training.showReconstructions");
        ConfigCheck.NotNegative(ValidationSentences, "training.validationSentences");
    }
}
