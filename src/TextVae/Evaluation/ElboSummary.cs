namespace TextVae.Evaluation;

/// <summary>
/// The ELBO and its parts on a data set, per sentence in nats, with the latent-usage measures.
/// <see cref="Perplexity"/> is exp(−ELBO·N / tokens), an upper bound on the true perplexity; tokens count &lt;eos&gt;, not &lt;bos&gt;.
/// </summary>
public sealed record ElboSummary(
    int Sentences,
    long Tokens,
    double Reconstruction,
    double Kl,
    int ActiveUnits,
    double MutualInformation)
{
    /// <summary>An estimate this close to its bound (nats) cannot tell how much more information z carries.</summary>
    public const double AtBoundTolerance = 0.05;

    public MutualInformationEstimator MutualInformationEstimator { get; init; }

    /// <summary>The most <see cref="MutualInformation"/> can be under its estimator: log N, or the size-weighted mean of log B.</summary>
    public double MutualInformationBound { get; init; }

    public bool MutualInformationAtBound => MutualInformationBound - MutualInformation < AtBoundTolerance;

    public double Elbo => -(Reconstruction + Kl);
    public double Perplexity => Math.Exp(-Elbo * Sentences / Math.Max(1, Tokens));
}
