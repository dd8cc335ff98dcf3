using TextVae.Data;
using TextVae.Model;
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

    /// <summary>The checkpoint's data options, except that every sentence is kept: a test set is scored as given, repeats included.</summary>
    public DataOptions Data => _checkpoint.Config.Data with { Deduplicate = false };

    /// <summary>Reads and tokenizes a data set as the model was trained (same tokenizer, same length limits).</summary>
    public EncodedCorpus Load(string path) => EncodedCorpus.Load(path, Tokenizer, Data);

    /// <summary>The corpus that novelty is measured against: the one given, else the one stored in the checkpoint if it is still there.</summary>
    public string? TrainCorpus(EvaluationOptions options) =>
        options.TrainCorpus ?? (_checkpoint.Info.TrainCorpus is { } stored && File.Exists(stored) ? stored : null);

    public SentenceScore[] Score(EncodedCorpus data, EvaluationOptions options, IProgress<ScoringProgress>? progress = null)
    {
        using var generator = new Generator((ulong)options.Seed, _device);
        return SentenceScorer.Score(_model, data, Data, options, _device, generator, progress);
    }

    public EvaluationReport Evaluate(EncodedCorpus data, EvaluationOptions options, IProgress<ScoringProgress>? progress = null)
    {
        options.Validate();
        // Read first, so a bad training corpus fails before the long importance-sampling pass rather than after it.
        var training = options.PriorSamples > 0 && TrainCorpus(options) is { } train ? TrainingSentences(train) : null;
        using var generator = new Generator((ulong)options.Seed, _device);
        var batcher = new BucketedBatcher(data.Sentences, Data);
        var plan = batcher.Plan(0);
        var elbo = ElboEvaluator.Evaluate(_model, batcher.Batches(plan), _device, generator);
        var scores = SentenceScorer.Score(_model, data, Data, options, _device, generator, progress);
        var totalNll = scores.Sum(score => score.IwNll);
        var report = new EvaluationReport
        {
            Elbo = elbo.Elbo,
            Reconstruction = elbo.Reconstruction,
            Kl = elbo.Kl,
            IwNll = totalNll / elbo.Sentences,
            Perplexity = Math.Exp(totalNll / elbo.Tokens),
            MutualInformation = elbo.MutualInformation,
            ActiveUnits = elbo.ActiveUnits,
            ReconstructionBleu = ReconstructionBleu(data, batcher, plan),
            Sentences = elbo.Sentences,
            Tokens = elbo.Tokens,
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

    /// <summary>Corpus BLEU of each sentence's greedy reconstruction from its posterior mean against the sentence as the tokenizer sees it.</summary>
    private double ReconstructionBleu(EncodedCorpus data, BucketedBatcher batcher, EpochPlan plan)
    {
        var hypotheses = new List<string[]>();
        var references = new List<string[][]>();
        foreach (var indices in plan.Batches)
        {
            using var scope = NewDisposeScope();
            using var cpuBatch = batcher.MakeBatch(indices);
            var decoded = GreedyReconstruction.Of(_model, cpuBatch.To(_device), Data.MaxLength + 1);
            hypotheses.AddRange(decoded.Select(sentence => Words(Tokenizer.Decode(sentence.Ids))));
            references.AddRange(indices.Select(index => new[] { Words(Tokenizer.Decode(data.Sentences[index])) }));
        }
        return Bleu.Corpus(hypotheses, references);
    }

    /// <summary>Sentences decoded greedily from z ~ N(0, I), as text.</summary>
    private List<string> SamplePrior(int count, Generator generator)
    {
        var texts = new List<string>(count);
        for (var start = 0; start < count; start += SampleRows)
        {
            using var scope = NewDisposeScope();
            var z = randn([Math.Min(SampleRows, count - start), _model.Options.LatentSize], device: _device, generator: generator); // [rows, latent]
            var decoded = SentenceDecoding.Decode(_model, z, new DecodingOptions { MaxLength = Data.MaxLength + 1 });
            texts.AddRange(decoded.Select(sentence => Tokenizer.Decode(sentence.Ids)));
        }
        return texts;
    }

    /// <summary>The training sentences as the model saw them (tokenized, truncated, decoded), so samples compare like with like.</summary>
    private HashSet<string> TrainingSentences(string path) =>
        EncodedCorpus.Load(path, Tokenizer, Data).Sentences.Select(ids => Tokenizer.Decode(ids)).ToHashSet(StringComparer.Ordinal);

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _model.Dispose();
}
