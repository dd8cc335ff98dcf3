
namespace TextVae.Evaluation;

/// <summary>How thoroughly <see cref="ModelEvaluator"/> measures a model.</summary>
public sealed record EvaluationOptions
{
    /// <summary>K, importance samples per sentence; 500 as in He et al. (2019) and Li et al. (2019).</summary>
    public int Samples { get; init; } = 500;

    /// <summary>Importance samples decoded together; 0 picks as many as keep the logits of a batch near 16M floats (64 MB).</summary>
    public int Chunk { get; init; }

    /// <summary>Sentences decoded from z ~ N(0, I) for distinct-n, self-BLEU and novelty; 0 skips them.</summary>
    public int PriorSamples { get; init; } = 1000;

    /// <summary>Training corpus for novelty; null uses the path stored in the checkpoint.</summary>
    public string? TrainCorpus { get; init; }

    /// <summary>Whose aggregate posterior I(x; z) is measured against: the whole data set (default) or each minibatch, as He et al.'s code does.</summary>
    public MutualInformationEstimator MutualInformation { get; init; } = MutualInformationEstimator.Aggregate;

    /// <summary>
    /// Sentences whose aggregate posterior the mutual information is estimated over, instead of the evaluated data:
    /// its first lines up to <see cref="ModelEvaluator.MutualInformationSentences"/>, so that a small test set's
    /// bound log N does not decide the figure. Null uses the evaluated data.
    /// </summary>
    public string? MutualInformationData { get; init; }

    /// <summary>Reconstruct with a length-normalised beam of this width as well as greedily, and report both; 0 decodes greedily only.</summary>
    public int BeamWidth { get; init; }

    public int Seed { get; init; } = 1234;

    public EvaluationOptions Validate()
    {
        ConfigCheck.Positive(Samples, "samples");
        ConfigCheck.NotNegative(Chunk, "chunk");
        ConfigCheck.NotNegative(PriorSamples, "priorSamples");
        ConfigCheck.NotNegative(BeamWidth, "beamWidth");
        if (MutualInformationData is not null && MutualInformation != MutualInformationEstimator.Aggregate)
            throw new InvalidParameterException("miData", "needs the aggregate estimator: the minibatch estimator measures each evaluated batch");
        return this;
    }
}
