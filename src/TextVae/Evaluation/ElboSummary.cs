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
    public double Elbo => -(Reconstruction + Kl);
    public double Perplexity => Math.Exp(-Elbo * Sentences / Math.Max(1, Tokens));
}
