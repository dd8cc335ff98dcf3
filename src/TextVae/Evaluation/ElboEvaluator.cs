using TextVae.Data;
using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// One pass over a data set in evaluation mode: the reconstruction term at one posterior sample per sentence (the
/// ELBO's single-sample estimate) with the analytic KL; the posterior means and variances collected on the way, on
/// the model's device, give the active units and the mutual information.
/// </summary>
public static class ElboEvaluator
{
    public static ElboSummary Evaluate(SentenceVae model, IEnumerable<SentenceBatch> batches, Device device, Generator? generator = null,
        MutualInformationEstimator estimator = MutualInformationEstimator.Aggregate)
    {
        using var evaluation = new EvaluationMode(model);
        var means = new List<Tensor>();
        var logVariances = new List<Tensor>();
        var reconstruction = 0.0;
        var kl = 0.0;
        var sentences = 0;
        long tokens = 0;
        try
        {
            foreach (var cpuBatch in batches)
            {
                using var scope = NewDisposeScope();
                using var _ = cpuBatch;
                var batch = cpuBatch.To(device);
                var (decoderInput, targets, encoderInput) = SentenceVae.Split(batch.Tokens);
                var (mu, logVar) = model.Encode(encoderInput, batch.Lengths); // [batch, latent]
                var z = GaussianLatent.Reparameterize(mu, logVar, generator);
                reconstruction += model.ReconstructionNll(z, decoderInput, targets, batch.Lengths).sum().item<float>();
                kl += GaussianLatent.KlPerDimension(mu, logVar).sum().item<float>();
                sentences += (int)batch.Size;
                tokens += batch.TargetTokenCount;
                means.Add(mu.MoveToOuterDisposeScope());
                logVariances.Add(logVar.MoveToOuterDisposeScope());
            }
            if (sentences == 0)
                throw new TextVaeException("there are no sentences to evaluate");
            using var allMeans = cat(means, 0); // [sentences, latent]
            var (mi, bound) = estimator == MutualInformationEstimator.Minibatch
                ? MinibatchMutualInformation(means, logVariances, generator)
                : AggregateMutualInformation(allMeans, logVariances, generator);
            return new ElboSummary(sentences, tokens, reconstruction / sentences, kl / sentences, LatentStatistics.ActiveUnits(allMeans), mi)
            {
                MutualInformationEstimator = estimator,
                MutualInformationBound = bound,
            };
        }
        finally
        {
            foreach (var tensor in means.Concat(logVariances))
                tensor.Dispose();
        }
    }

    /// <returns>The estimate over all N sentences and its bound log N.</returns>
    private static (double Value, double Bound) AggregateMutualInformation(Tensor means, List<Tensor> batchLogVariances, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var logVariances = cat(batchLogVariances, 0); // [N, latent]
        var samples = GaussianLatent.Reparameterize(means, logVariances, generator); // [N, latent]
        return (LatentStatistics.MutualInformation(means, logVariances, samples), Math.Log(means.shape[0]));
    }

    /// <returns>The size-weighted mean of each batch's estimate, and the same mean of each batch's bound log B.</returns>
    private static (double Value, double Bound) MinibatchMutualInformation(List<Tensor> means, List<Tensor> logVariances, Generator? generator)
    {
        double value = 0, bound = 0;
        long total = 0;
        for (var i = 0; i < means.Count; i++)
        {
            using var scope = NewDisposeScope();
            var size = means[i].shape[0];
            var samples = GaussianLatent.Reparameterize(means[i], logVariances[i], generator); // [B, latent]
            value += size * LatentStatistics.MutualInformation(means[i], logVariances[i], samples);
            bound += size * Math.Log(size);
            total += size;
        }
        return (value / total, bound / total);
    }
}
