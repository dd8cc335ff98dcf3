using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>Measures of how much the latent code is used, computed from the posteriors of a whole data set.</summary>
public static class LatentStatistics
{
    /// <summary>
    /// Active units (Burda et al. 2016): dimensions whose posterior mean varies across the data,
    /// Cov_x(E_q[z_d]) &gt; <paramref name="threshold"/>.
    /// </summary>
    /// <param name="means">[sentences, latent] posterior means.</param>
    public static int ActiveUnits(Tensor means, double threshold = 0.01)
    {
        if (means.shape[1] == 0)
            return 0;
        using var scope = NewDisposeScope();
        var variance = means.to(float64).var(0, unbiased: false); // [latent]
        return (int)(variance > threshold).sum().item<long>();
    }

    /// <summary>
    /// I(x; z) under the aggregate posterior, the estimator of He et al. (2019):
    /// E_x E_q(z|x)[log q(z|x)] − E_x E_q(z|x)[log q(z)], with the first term in closed form (the negative entropy of
    /// each diagonal Gaussian) and log q(z) = logsumexp_x' log q(z|x') − log N evaluated at one sample z per sentence
    /// against every sentence's posterior. Cost is O(N²·latent), computed a few rows of z at a time: each row
    /// compares with all N posteriors, so the rows per chunk shrink as N grows and a chunk's [rows, N, latent]
    /// tensors stay near <paramref name="chunkElements"/> elements (32 MiB in float64 by default). A fixed row count
    /// made the working set grow with N, to gigabytes for a few thousand validation sentences, and a training
    /// process keeps its peak resident (see GlibcMallocTuning).
    /// </summary>
    /// <param name="means">[N, latent]</param>
    /// <param name="logVariances">[N, latent]</param>
    /// <param name="samples">[N, latent], one z ~ q(z|x) per sentence.</param>
    /// <param name="chunkElements">Elements of one chunk's [rows, N, latent] tensor.</param>
    public static double MutualInformation(Tensor means, Tensor logVariances, Tensor samples, long chunkElements = 1 << 22)
    {
        using var scope = NewDisposeScope();
        var mu = means.to(float64);
        var logVar = logVariances.to(float64);
        var z = samples.to(float64);
        var count = mu.shape[0];
        var latent = mu.shape[1];
        var log2Pi = Math.Log(2 * Math.PI);

        // E_q[log q(z|x)] of a diagonal Gaussian: −½·d·log 2π − ½·Σ(1 + log σ²), averaged over x.
        var negativeEntropy = (-0.5 * latent * log2Pi - 0.5 * (1 + logVar).sum(1)).mean().item<double>();

        var chunk = Math.Max(1, chunkElements / Math.Max(1, count * latent)); // a model without a latent code has latent = 0
        var logAggregate = 0.0;
        for (long start = 0; start < count; start += chunk)
        {
            using var chunkScope = NewDisposeScope();
            var zChunk = z[TensorIndex.Slice(start, Math.Min(count, start + chunk))].unsqueeze(1); // [chunk, 1, latent]
            var deviation = zChunk - mu.unsqueeze(0); // [chunk, N, latent]
            var logDensity = -0.5 * (deviation.pow(2) / logVar.exp().unsqueeze(0) + logVar.unsqueeze(0) + log2Pi).sum(2); // [chunk, N]
            logAggregate += (logDensity.logsumexp(1) - Math.Log(count)).sum().item<double>();
        }
        return negativeEntropy - logAggregate / count;
    }
}
