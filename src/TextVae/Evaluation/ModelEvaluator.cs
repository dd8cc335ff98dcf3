using TextVae.Data;
using TextVae.Model;
using TextVae.Runtime;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using TextVae.Decoding;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// Measures a trained model on a data set the way the text-VAE literature does, for <c>textvae eval</c> and
/// <c>textvae score</c>: ELBO, importance-weighted NLL and perplexity, mutual information, active units,
/// reconstruction BLEU, and the diversity and novelty of sentences decoded from the prior.
/// </summary>
public sealed class ModelEvaluator : IDisposable
{
    /// <summary>Prior samples decoded together.</summary>
    private const int SampleRows = 256;

    private readonly Checkpoint _checkpoint;
    private readonly SentenceVae _model;
    private readonly Device _device;

    public ModelEvaluator(Checkpoint checkpoint, Device device)
    {
        _checkpoint = checkpoint;
        _device = device;
        _model = checkpoint.CreateModel(device);
    }

    public ISentenceTokenizer Tokenizer => _checkpoint.Tokenizer;

    /// <summary>Batch size and bucketing from the checkpoint; its length limits and deduplication shape training data only.</summary>
    public DataOptions Batching => _checkpoint.Config.Data;

    /// <summary>
    /// Reads and tokenizes a data set as given: every sentence whole, short ones and repeats included. Only sentences
    /// longer than the model can read (a Transformer's position limit) are left out, and counted in the report.
    /// </summary>
    public EncodedCorpus Load(string path) => EncodedCorpus.LoadWhole(path, Tokenizer, Batching.Strict, _model.LongestSentence);

    /// <summary>The corpus that novelty is measured against: the one given, else the one stored in the checkpoint if it is still there.</summary>
    public TrainingCorpusIndex? TrainingCorpus(EvaluationOptions options) =>
        options.TrainCorpus is { } given ? new TrainingCorpusIndex(given, Tokenizer) : TrainingCorpusIndex.IfPresent(_checkpoint.Info.TrainCorpus, Tokenizer);

    public SentenceScore[] Score(EncodedCorpus data, EvaluationOptions options, IProgress<ScoringProgress>? progress = null)
    {
        using var generator = SeededRandom.NewGenerator((ulong)options.Seed);
        return SentenceScorer.Score(_model, data, Batching, options, _device, generator, progress);
    }

    public EvaluationReport Evaluate(EncodedCorpus data, EvaluationOptions options, IProgress<ScoringProgress>? progress = null)
    {
        options.Validate();
        // Read first, so a bad training corpus fails before the long importance-sampling pass rather than after it.
        var training = options.PriorSamples > 0 ? TrainingCorpus(options)?.Preload() : null;
        using var generator = SeededRandom.NewGenerator((ulong)options.Seed);
        var batcher = new BucketedBatcher(data.Sentences, Batching);
        var plan = batcher.Plan(0);
        var elbo = ElboEvaluator.Evaluate(_model, batcher.Batches(plan), _device, generator, options.MutualInformation);
        var scores = SentenceScorer.Score(_model, data, Batching, options, _device, generator, progress);
        var totalNll = scores.Sum(score => score.IwNll);
        var report = new EvaluationReport
        {
            Elbo = elbo.Elbo,
            Reconstruction = elbo.Reconstruction,
            Kl = elbo.Kl,
            IwNll = totalNll / elbo.Sentences,
            Perplexity = Math.Exp(totalNll / elbo.Tokens),
            MutualInformation = elbo.MutualInformation,
            MutualInformationEstimator = elbo.MutualInformationEstimator,
            MutualInformationBound = elbo.MutualInformationBound,
            MutualInformationAtBound = elbo.MutualInformationAtBound,
            ActiveUnits = elbo.ActiveUnits,
            ReconstructionBleu = ReconstructionBleu(data, batcher, plan),
            Sentences = elbo.Sentences,
            Tokens = elbo.Tokens,
            TooLong = data.Report.TooLong,
        };
        if (options.PriorSamples == 0)
            return report;

        var samples = SamplePrior(options.PriorSamples, generator);
        var words = samples.Select(Words).ToArray();
        return report with
        {
            Distinct1 = TextDiversity.Distinct(words, 1),
            Distinct2 = TextDiversity.Distinct(words, 2),
            SelfBleu = TextDiversity.SelfBleu(words),
            Novelty = training is null ? null : TextDiversity.Novelty(samples, training),
        };
    }

    /// <summary>
    /// Corpus BLEU of each sentence's greedy reconstruction from its posterior mean against the sentence as the
    /// tokenizer sees it. A reconstruction may be one token longer than the data set's longest sentence (its
    /// &lt;eos&gt;), within the model's position limit, and may contain &lt;unk&gt; as the references do.
    /// </summary>
    private double ReconstructionBleu(EncodedCorpus data, BucketedBatcher batcher, EpochPlan plan)
    {
        var maxLength = Math.Min(data.Report.LongestSentence, _model.LongestSentence ?? int.MaxValue) + 1;
        var hypotheses = new List<string[]>();
        var references = new List<string[][]>();
        foreach (var indices in plan.Batches)
        {
            using var scope = NewDisposeScope();
            using var cpuBatch = batcher.MakeBatch(indices);
            var decoded = GreedyReconstruction.Of(_model, cpuBatch.To(_device), maxLength, allowUnknown: true);
            hypotheses.AddRange(decoded.Select(sentence => Words(Tokenizer.Decode(sentence.Ids))));
            references.AddRange(indices.Select(index => new[] { Words(Tokenizer.Decode(data.Sentences[index])) }));
        }
        return Bleu.Corpus(hypotheses, references);
    }

    /// <summary>
    /// Sentences decoded greedily from z ~ N(0, I), as text, up to the training length limit (the longest sentences
    /// the model has seen) and with &lt;unk&gt; allowed, so novelty and diversity describe what the model writes.
    /// </summary>
    private List<string> SamplePrior(int count, Generator generator)
    {
        var maxLength = Math.Min(Batching.MaxLength, _model.LongestSentence ?? int.MaxValue) + 1;
        var texts = new List<string>(count);
        for (var start = 0; start < count; start += SampleRows)
        {
            using var scope = NewDisposeScope();
            var z = SeededRandom.Normal([Math.Min(SampleRows, count - start), _model.Options.LatentSize], _device, generator); // [rows, latent]
            var decoded = SentenceDecoding.Decode(_model, z, new DecodingOptions { MaxLength = maxLength, AllowUnknown = true });
            texts.AddRange(decoded.Select(sentence => Tokenizer.Decode(sentence.Ids)));
        }
        return texts;
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _model.Dispose();
}
