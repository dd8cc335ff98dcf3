
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

    public int Seed { get; init; } = 1234;

    public EvaluationOptions Validate()
    {
        ConfigCheck.Positive(Samples, "samples");
        ConfigCheck.NotNegative(Chunk, "chunk");
        ConfigCheck.NotNegative(PriorSamples, "priorSamples");
        return this;
    }
}
