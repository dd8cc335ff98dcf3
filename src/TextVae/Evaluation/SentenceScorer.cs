using TextVae.Data;
using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// Scores sentences with the importance-weighted bound: K samples from q(z|x) per sentence, decoded in chunks so
/// memory stays bounded whatever K is. The reconstruction term comes free with it, as the mean of log p(x|z_k)
/// over the same samples; one more decoder pass gives it at the posterior mean. Each sentence's samples come from its own line's generator (<see cref="LineRandom"/>),
/// so its score does not depend on what else is scored.
/// </summary>
public static class SentenceScorer
{
    /// <summary>
    /// Logit entries (tokens × vocabulary) one decoder pass may hold when the chunk is chosen automatically: a pass
    /// over a thousand or so target tokens already keeps the output projection's matrix product efficient, while
    /// larger logits cost memory and page faults rather than save time.
    /// </summary>
    private const long LogitBudget = 16L << 20;

    /// <summary>Importance samples drawn per sentence: K, but one for a language model, whose every sample gives the same exact log p(x).</summary>
    public static int Samples(SentenceVae model, EvaluationOptions options) => model.Options.IsLanguageModel ? 1 : options.Samples;

    /// <summary>Scores one batch; the model must be in evaluation mode.</summary>
    public static ScoredBatch Score(SentenceVae model, IReadOnlyList<NumberedSentence> sentences, EvaluationOptions options, Device device)
    {
        var samples = Samples(model, options);
        using var inference = inference_mode();
        using var scope = NewDisposeScope();
        using var cpuBatch = SentenceBatch.Of(sentences.Select(sentence => sentence.Ids).ToArray());
        var batch = cpuBatch.To(device);
        var (decoderInput, targets, encoderInput) = SentenceVae.Split(batch.Tokens);
        var (mu, logVar) = model.Encode(encoderInput, batch.Lengths); // [batch, latent]
        var atMean = model.ReconstructionNll(mu, decoderInput, targets, batch.Lengths).to(float64); // [batch]
        var latent = (int)mu.shape[1];
        var chunk = options.Chunk > 0
            ? options.Chunk
            : (int)Math.Clamp(LogitBudget / (batch.TargetTokenCount * model.Options.VocabularySize), 1, samples);
        var lines = sentences.Select(sentence => sentence.Line).ToArray();
        var epsilon = LineRandom.Normal(options.Seed, lines, RandomPurpose.ImportanceSamples, samples, latent).to(device).transpose(0, 1); // [K, batch, latent]
        var logLikelihoodSum = zeros(batch.Size, dtype: float64, device: device); // [batch]
        var logMarginal = ImportanceWeightedBound.LogMarginal(mu, logVar, z =>
        {
            var logLikelihood = model.LogLikelihood(z, batch); // [chunk, batch]
            // In float64 before summing, so the chunking leaves no trace beyond double rounding. Named: a literal 0 would bind to sum(ScalarType).
            logLikelihoodSum.add_(logLikelihood.to(float64).sum(dim: 0));
            return logLikelihood;
        }, epsilon, chunk); // [batch]
        var kl = GaussianLatent.KlPerDimension(mu, logVar).sum(1).to(float64); // [batch]

        // The four terms in one transfer, whatever the batch's size.
        var terms = stack([-logMarginal, -logLikelihoodSum / samples, kl, atMean]).cpu().data<double>().ToArray(); // row-major [4, batch]
        var scores = new SentenceScore[sentences.Count];
        for (var row = 0; row < scores.Length; row++)
        {
            var sentence = sentences[row];
            double Term(int term) => terms[term * scores.Length + row];
            scores[row] = new SentenceScore(sentence.Line, sentence.Text, sentence.Targets, Reconstruction: Term(1), Kl: Term(2), IwNll: Term(0), ReconstructionAtMean: Term(3));
        }
        // A language model's posterior has no dimensions, and an empty tensor has no data to read.
        float[] Values(Tensor posterior) => latent == 0 ? [] : posterior.cpu().data<float>().ToArray();
        return new ScoredBatch(scores, Values(mu), Values(logVar), latent);
    }
}
