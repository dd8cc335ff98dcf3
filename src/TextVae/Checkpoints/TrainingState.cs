namespace TextVae.Checkpoints;

/// <summary>
/// Where training stands, saved in every checkpoint so that resuming continues exactly: the same batches
/// (epoch and position in it), the same KL weight (the schedule is a function of <see cref="Step"/>), the same
/// random numbers (generator states), the same stopping and learning-rate decisions and the same logged means.
/// </summary>
public sealed record TrainingState
{
    public long Step { get; init; }
    public int Epoch { get; init; }
    public int BatchInEpoch { get; init; }
    public double LearningRate { get; init; }
    /// <summary>The best validation score so far: the ELBO, or the reconstruction log-likelihood of a plain autoencoder (the name predates that).</summary>
    public double BestValidElbo { get; init; } = double.NegativeInfinity;
    public int EpochsWithoutImprovement { get; init; }
    public int EpochsSinceLearningRateChange { get; init; }
    public bool Finished { get; init; }
    public string? StopReason { get; init; }
    public byte[] TorchRandomState { get; init; } = [];
    public byte[] WordDropoutRandomState { get; init; } = [];
    public LossSums LogWindow { get; init; } = LossSums.Empty;

    /// <summary>The decoder has been reset after autoencoder pretraining (done once).</summary>
    public bool DecoderReset { get; init; }

    /// <summary>Aggressive inference-network training has ended (after an epoch whose validation MI did not improve).</summary>
    public bool AggressiveEnded { get; init; }

    /// <summary>Validation mutual information after the previous aggressive epoch, the mark the next one must beat.</summary>
    public double AggressiveMutualInformation { get; init; } = double.NegativeInfinity;
}
