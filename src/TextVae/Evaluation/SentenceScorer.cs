using TextVae.Data;
using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// Scores every sentence of a data set with the importance-weighted bound: K samples from q(z|x) per sentence,
/// decoded in chunks so memory stays bounded whatever K is. The reconstruction term comes free with it, as the
/// mean of log p(x|z_k) over the same samples; one more decoder pass gives it at the posterior mean.
/// </summary>
public static class SentenceScorer
{
    /// <summary>Logit entries (tokens × vocabulary) one decoder pass may hold when the chunk is chosen automatically.</summary>
    private const long LogitBudget = 64L << 20;

    /// <returns>One score per sentence of <paramref name="data"/>, in its order.</returns>
    public static SentenceScore[] Score(SentenceVae model, EncodedCorpus data, DataOptions batching, EvaluationOptions options, Device device,
        Generator? generator = null, IProgress<ScoringProgress>? progress = null)
    {
        options.Validate();
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        var batcher = new BucketedBatcher(data.Sentences, batching);
        var scores = new SentenceScore[data.Sentences.Count];
        var done = 0;
        try
        {
            foreach (var indices in batcher.Plan(0).Batches)
            {
                using var scope = NewDisposeScope();
                using var cpuBatch = batcher.MakeBatch(indices);
                var batch = cpuBatch.To(device);
                var (decoderInput, targets, encoderInput) = SentenceVae.Split(batch.Tokens);
                var (mu, logVar) = model.Encode(encoderInput, batch.Lengths); // [batch, latent]
                var atMean = model.ReconstructionNll(mu, decoderInput, targets, batch.Lengths).to(float64).cpu().data<double>().ToArray(); // [batch]
                var chunk = options.Chunk > 0
                    ? options.Chunk
                    : (int)Math.Clamp(LogitBudget / (batch.TargetTokenCount * model.Options.VocabularySize), 1, options.Samples);
                var logLikelihoodSum = zeros(batch.Size, dtype: float64, device: device); // [batch]
                var logMarginal = ImportanceWeightedBound.LogMarginal(mu, logVar, z =>
                {
                    var logLikelihood = model.LogLikelihood(z, batch); // [chunk, batch]
                    logLikelihoodSum.add_(logLikelihood.sum(dim: 0).to(float64)); // named: a literal 0 would bind to sum(ScalarType)
                    return logLikelihood;
                }, options.Samples, chunk, generator); // [batch]
                var kl = GaussianLatent.KlPerDimension(mu, logVar).sum(1).to(float64); // [batch]

                var iwNll = (-logMarginal).cpu().data<double>().ToArray();
                var reconstruction = (-logLikelihoodSum / options.Samples).cpu().data<double>().ToArray();
                var klValues = kl.cpu().data<double>().ToArray();
                for (var row = 0; row < indices.Length; row++)
                {
                    var index = indices[row];
                    scores[index] = new SentenceScore(index, data.LineNumbers[index], data.Sentences[index].Length + 1,
                        reconstruction[row], klValues[row], iwNll[row], atMean[row]);
                }
                done += indices.Length;
                progress?.Report(new ScoringProgress(done, scores.Length));
            }
            return scores;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
