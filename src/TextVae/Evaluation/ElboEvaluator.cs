using TextVae.Data;
using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// One pass over a data set in evaluation mode: the reconstruction term at one posterior sample per sentence (the
/// ELBO's single-sample estimate) with the analytic KL; the posterior means and variances collected on the way give
/// the active units and the mutual information.
/// </summary>
public static class ElboEvaluator
{
    public static ElboSummary Evaluate(SentenceVae model, IEnumerable<SentenceBatch> batches, Device device, Generator? generator = null)
    {
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
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
                var (mu, logVar) = model.Encode(encoderInput, batch.Lengths);
                var z = GaussianLatent.Reparameterize(mu, logVar, generator);
                reconstruction += model.ReconstructionNll(z, decoderInput, targets, batch.Lengths).sum().item<float>();
                kl += GaussianLatent.KlPerDimension(mu, logVar).sum().item<float>();
                sentences += (int)batch.Size;
                tokens += batch.TargetTokenCount;
                means.Add(mu.cpu().MoveToOuterDisposeScope());
                logVariances.Add(logVar.cpu().MoveToOuterDisposeScope());
            }
            if (sentences == 0)
                throw new TextVaeException("there are no sentences to evaluate");
            using var allMeans = cat(means, 0);
            using var allLogVariances = cat(logVariances, 0);
            using var samples = GaussianLatent.Reparameterize(allMeans, allLogVariances, generator);
            return new ElboSummary(sentences, tokens, reconstruction / sentences, kl / sentences,
                LatentStatistics.ActiveUnits(allMeans), LatentStatistics.MutualInformation(allMeans, allLogVariances, samples));
        }
        finally
        {
            foreach (var tensor in means.Concat(logVariances))
                tensor.Dispose();
            model.train(wasTraining);
        }
    }
}
