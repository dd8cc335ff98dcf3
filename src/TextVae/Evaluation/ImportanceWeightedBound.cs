using TextVae.Runtime;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// The importance-weighted estimate of log p(x) (Burda et al. 2016) with q(z|x) as proposal:
/// log p(x) ≈ logsumexp_k [log p(x|z_k) + log p(z_k) − log q(z_k|x)] − log K. It is a lower bound that tightens
/// towards log p(x) as K grows and equals the ELBO's expectation at K = 1. Samples are drawn in chunks and folded
/// into a running logsumexp, so memory does not grow with K.
/// </summary>
public static class ImportanceWeightedBound
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <param name="mu">[batch, latent] posterior means.</param>
    /// <param name="logVar">[batch, latent] posterior log-variances.</param>
    /// <param name="logLikelihood">log p(x|z) for z of shape [chunk, batch, latent], returning [chunk, batch].</param>
    /// <param name="samples">K, the number of importance samples.</param>
    /// <param name="chunk">Samples evaluated together.</param>
    /// <returns>[batch] estimates of log p(x) in nats.</returns>
    public static Tensor LogMarginal(Tensor mu, Tensor logVar, Func<Tensor, Tensor> logLikelihood, int samples, int chunk, Generator? generator = null) =>
        LogMarginal(mu, logVar, logLikelihood, samples, chunk,
            (_, k) => SeededRandom.Normal([k, mu.shape[0], mu.shape[1]], mu.device, generator, mu.dtype));

    /// <summary>The same with the standard-normal draws given: <paramref name="epsilon"/> [K, batch, latent], on any device.</summary>
    public static Tensor LogMarginal(Tensor mu, Tensor logVar, Func<Tensor, Tensor> logLikelihood, Tensor epsilon, int chunk) =>
        LogMarginal(mu, logVar, logLikelihood, (int)epsilon.shape[0], chunk,
            (done, k) => epsilon[TensorIndex.Slice(done, done + k)].to(mu.dtype, mu.device));

    private static Tensor LogMarginal(Tensor mu, Tensor logVar, Func<Tensor, Tensor> logLikelihood, int samples, int chunk, Func<int, int, Tensor> noise)
    {
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), "at least one importance sample is needed");
        var total = full(mu.shape[0], double.NegativeInfinity, dtype: float64, device: mu.device); // [batch]
        var std = (0.5 * logVar).exp();
        for (var done = 0; done < samples; done += chunk)
        {
            using var scope = NewDisposeScope();
            var k = Math.Min(chunk, samples - done);
            var epsilon = noise(done, k); // [k, batch, latent]
            var z = mu.unsqueeze(0) + std.unsqueeze(0) * epsilon;
            var logPrior = (-0.5 * (z.pow(2) + Log2Pi)).sum(2); // [k, batch]
            var logPosterior = (-0.5 * (epsilon.pow(2) + logVar.unsqueeze(0) + Log2Pi)).sum(2); // [k, batch]
            var logWeights = (logLikelihood(z) + logPrior - logPosterior).to(float64); // [k, batch]
            var combined = stack([total, logWeights.logsumexp(0)]).logsumexp(0); // [batch]
            total.Dispose();
            total = combined.MoveToOuterDisposeScope();
        }
        std.Dispose();
        return total.sub_(Math.Log(samples));
    }
}
