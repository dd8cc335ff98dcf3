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
/// reconstruction BLEU, and the diversity and novelty of sentences decoded from the prior. The data set is
/// streamed in blocks (<see cref="CorpusBlocks"/>) and every sentence's random numbers come from its line
/// (<see cref="LineRandom"/>), so a shard's results are exactly its share of the one-process results.
/// </summary>
public sealed class ModelEvaluator : IDisposable
{
    /// <summary>Prior samples decoded together.</summary>
    private const int SampleRows = 256;

    /// <summary>Sentences the mutual information is estimated on (<see cref="MutualInformationSample"/>): every sentence of the usual test sets.</summary>
    public const int MutualInformationSentences = 10_000;

    private readonly Checkpoint _checkpoint;
    private readonly SentenceVae _model;
    private readonly Device _device;

    /// <param name="checkpointSha256">SHA-256 of the checkpoint file, recorded in evaluation parts so that only parts of the same model merge.</param>
    public ModelEvaluator(Checkpoint checkpoint, Device device, string checkpointPath = "", string checkpointSha256 = "")
    {
        _checkpoint = checkpoint;
        _device = device;
        CheckpointPath = checkpointPath;
        CheckpointSha256 = checkpointSha256;
        _model = checkpoint.CreateModel(device);
        _model.eval();
    }

    /// <summary>Loads a checkpoint file and notes its hash.</summary>
    public static ModelEvaluator Load(string checkpointPath, Device device) =>
        new(Checkpoint.Load(checkpointPath), device, checkpointPath, CheckpointDigest.Of(checkpointPath));

    public string CheckpointPath { get; }
    public string CheckpointSha256 { get; }
    public Device Device => _device;

    public ISentenceTokenizer Tokenizer => _checkpoint.Tokenizer;

    /// <summary>Batch size and bucketing from the checkpoint; its length limits and deduplication shape training data only.</summary>
    public DataOptions Batching => _checkpoint.Config.Data;

    /// <summary>
    /// A data set read as given, one shard of it: every sentence whole, short ones and repeats included. Only
    /// sentences longer than the model can read (a Transformer's position limit) are left out, and counted in the report.
    /// </summary>
    public CorpusBlocks Blocks(string path, Shard shard, int blockLines = CorpusBlocks.DefaultBlockLines) =>
        CorpusBlocks.Whole(path, Tokenizer, Batching.Strict, _model.LongestSentence, shard, blockLines);

    /// <summary>Importance samples <see cref="Score"/> draws per sentence with these options.</summary>
    public int ImportanceSamples(EvaluationOptions options) => SentenceScorer.Samples(_model, options);

    /// <summary>The corpus that novelty is measured against: the one given, else the one stored in the checkpoint if it is still there.</summary>
    public TrainingCorpusIndex? TrainingCorpus(EvaluationOptions options) =>
        options.TrainCorpus is { } given ? new TrainingCorpusIndex(given, Tokenizer) : TrainingCorpusIndex.IfPresent(_checkpoint.Info.TrainCorpus, Tokenizer);

    /// <summary>
    /// Every sentence's scores, streamed block by block, each block's rows in line order. Each block is scored in
    /// batches of <paramref name="batchSize"/> sentences of similar length (null: the checkpoint's data.batchSize);
    /// a sentence's scores do not depend on its batch but for float rounding.
    /// </summary>
    public IEnumerable<SentenceScore> Score(CorpusBlocks blocks, EvaluationOptions options, IProgress<ScoringProgress>? progress = null,
        CancellationToken cancel = default, int? batchSize = null)
    {
        options.Validate();
        if (batchSize is { } size)
            ConfigCheck.Positive(size, "batchSize");
        return ScoreBlocks(blocks, options, batchSize ?? Batching.BatchSize, progress, cancel);
    }

    private IEnumerable<SentenceScore> ScoreBlocks(CorpusBlocks blocks, EvaluationOptions options, int batchSize, IProgress<ScoringProgress>? progress,
        CancellationToken cancel)
    {
        long done = 0;
        foreach (var block in blocks.Read())
        {
            var scores = new List<SentenceScore>(block.Sentences.Count);
            foreach (var batch in block.Batches(batchSize))
            {
                cancel.ThrowIfCancellationRequested();
                scores.AddRange(SentenceScorer.Score(_model, batch, options, _device).Scores);
                done += batch.Length;
                progress?.Report(new ScoringProgress(done, null));
            }
            foreach (var score in scores.OrderBy(score => score.Line))
                yield return score;
        }
    }

    /// <summary>The whole data set in one process: the report of a single part covering every shard.</summary>
    public EvaluationReport Evaluate(string path, EvaluationOptions options, IProgress<ScoringProgress>? progress = null, CancellationToken cancel = default)
    {
        var part = EvaluatePart(Blocks(path, Shard.All), options, progress, cancel);
        return EvaluationPart.Merge([(path, part)]).Report();
    }

    /// <summary>One shard's additive share of the evaluation (<see cref="EvaluationPart"/>); shard 0 also measures the prior samples.</summary>
    public EvaluationPart EvaluatePart(CorpusBlocks blocks, EvaluationOptions options, IProgress<ScoringProgress>? progress = null,
        CancellationToken cancel = default)
    {
        options.Validate();
        // Read first, so a bad training corpus fails before the long importance-sampling pass rather than after it.
        var measuresPrior = options.PriorSamples > 0 && blocks.Shard.Index == 0;
        var trainingCorpus = options.PriorSamples > 0 ? TrainingCorpus(options) : null;
        var training = measuresPrior ? trainingCorpus?.Preload() : null;
        var part = new EvaluationPart
        {
            Settings = new EvaluationSettings
            {
                Checkpoint = CheckpointPath,
                CheckpointSha256 = CheckpointSha256,
                Data = blocks.Path,
                Samples = options.Samples,
                Seed = options.Seed,
                PriorSamples = options.PriorSamples,
                TrainCorpus = trainingCorpus?.Path,
                BlockLines = blocks.BlockLines,
                MutualInformationEstimator = options.MutualInformation,
                MutualInformationSentences = MutualInformationSentences,
                MutualInformationData = options.MutualInformationData,
                BeamWidth = options.BeamWidth,
                Shards = blocks.Shard.Count,
                TextVaeVersion = TextVaeVersion.Current,
            },
            ShardsCovered = [blocks.Shard.Index],
            MutualInformation = new MutualInformationSample(MutualInformationSentences),
        };
        long done = 0;
        foreach (var block in blocks.Read())
            foreach (var batch in block.Batches(Batching.BatchSize))
            {
                cancel.ThrowIfCancellationRequested();
                AddBatch(part, batch, options);
                done += batch.Length;
                progress?.Report(new ScoringProgress(done, null));
            }
        part.TooLong = blocks.TooLong;
        if (options.MutualInformationData is { } miData && blocks.Shard.Index == 0)
            SampleMutualInformation(part, miData, options.Seed, cancel);
        if (measuresPrior)
            part.Prior = MeasurePrior(options, training);
        return part;
    }

    private void AddBatch(EvaluationPart part, NumberedSentence[] sentences, EvaluationOptions options)
    {
        var scored = SentenceScorer.Score(_model, sentences, options, _device);
        var lines = sentences.Select(sentence => sentence.Line).ToArray();
        var latent = scored.LatentSize;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var cpuBatch = SentenceBatch.Of(sentences.Select(sentence => sentence.Ids).ToArray());
        var batch = cpuBatch.To(_device);
        var mu = tensor(scored.Means, [sentences.Length, latent], device: _device); // [batch, latent]
        var logVar = tensor(scored.LogVariances, [sentences.Length, latent], device: _device);
        // The ELBO's own single-sample estimate, one z ~ q(z|x) per sentence from the sentence's line.
        var epsilon = LineRandom.Normal(options.Seed, lines, RandomPurpose.ElboSample, latent).to(_device); // [batch, latent]
        var z = mu + (0.5 * logVar).exp() * epsilon;
        var reconstruction = (-SingleSampleLogLikelihood(z, batch)).to(float64).cpu().data<double>().ToArray(); // [batch]
        if (options.MutualInformation == MutualInformationEstimator.Minibatch)
            AddMinibatchMutualInformation(part, mu, logVar, lines, options);

        var greedy = MeanReconstruction.Of(_model, batch, MeanReconstruction.Greedy(ReconstructionLength));
        var beam = options.BeamWidth > 0
            ? MeanReconstruction.Of(_model, batch, MeanReconstruction.Greedy(ReconstructionLength) with { Strategy = DecodingStrategy.Beam, BeamWidth = options.BeamWidth })
            : null;
        if (beam is not null)
            part.BeamBleu ??= new BleuStatistics();
        var samplesMutualInformation = options.MutualInformation == MutualInformationEstimator.Aggregate && options.MutualInformationData is null;
        for (var row = 0; row < sentences.Length; row++)
        {
            var score = scored.Scores[row];
            var mean = scored.Mean(row);
            part.Add(score.Tokens, reconstruction[row], score.Kl, score.IwNll, mean);
            var reference = Tokenizer.Decode(sentences[row].Ids);
            part.Exact += AddReconstruction(part.Bleu, reference, greedy[row]);
            if (beam is not null)
                part.BeamExact += AddReconstruction(part.BeamBleu!, reference, beam[row]);
            if (samplesMutualInformation)
                AddMutualInformationEntry(part.MutualInformation, score.Line, mean, scored.LogVariance(row), options.Seed);
        }
    }

    /// <summary>Adds one reconstruction's BLEU statistics; 1 when it is the reference exactly, else 0.</summary>
    private int AddReconstruction(BleuStatistics bleu, string reference, DecodedSentence reconstruction)
    {
        var text = Tokenizer.Decode(reconstruction.Ids);
        var referenceWords = Words(reference);
        bleu.Add(BleuStatistics.Of(Words(text), [NgramCounts.Of(referenceWords)], [referenceWords.Length]));
        return text == reference ? 1 : 0;
    }

    /// <summary>Offers one sentence's posterior, with one z ~ q(z|x) drawn from its line, to the mutual-information sample.</summary>
    private static void AddMutualInformationEntry(MutualInformationSample sample, long line, ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, int seed)
    {
        var key = LineRandom.Seed(seed, line, RandomPurpose.MutualInformationSample);
        if (!sample.Wants(key, line))
            return;
        var latent = mean.Length;
        using var draw = LineRandom.Normal(seed, [line], RandomPurpose.MutualInformationSample, latent);
        var noise = latent == 0 ? [] : draw.data<float>().ToArray(); // a language model has no latent dimensions
        var z = new float[latent];
        for (var d = 0; d < latent; d++)
            z[d] = mean[d] + MathF.Exp(0.5f * logVariance[d]) * noise[d];
        sample.Add(MutualInformationEntry.Of(line, key, mean, logVariance, z));
    }

    /// <summary>
    /// Fills the mutual-information sample from the first <see cref="MutualInformationSentences"/> sentences of
    /// another file (<see cref="EvaluationOptions.MutualInformationData"/>), encoded in line order.
    /// </summary>
    private void SampleMutualInformation(EvaluationPart part, string path, int seed, CancellationToken cancel)
    {
        var remaining = MutualInformationSentences;
        foreach (var block in Blocks(path, Shard.All).Read())
            foreach (var chunk in block.Sentences.OrderBy(sentence => sentence.Line).Take(remaining).Chunk(Batching.BatchSize))
            {
                cancel.ThrowIfCancellationRequested();
                remaining -= chunk.Length;
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                using var evaluation = new EvaluationMode(_model);
                var batch = SentenceBatch.Of(chunk.Select(sentence => sentence.Ids).ToArray()).To(_device);
                var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens);
                var (mu, logVar) = _model.Encode(encoderInput, batch.Lengths); // [batch, latent]
                var latent = (int)mu.shape[1];
                var means = mu.cpu().data<float>().ToArray();
                var logVariances = logVar.cpu().data<float>().ToArray();
                for (var row = 0; row < chunk.Length; row++)
                    AddMutualInformationEntry(part.MutualInformation, chunk[row].Line,
                        means.AsSpan(row * latent, latent), logVariances.AsSpan(row * latent, latent), seed);
            }
    }

    /// <summary>log p(x|z) at one z per sentence: [batch, latent] to [batch].</summary>
    private Tensor SingleSampleLogLikelihood(Tensor z, SentenceBatch batch) => _model.LogLikelihood(z.unsqueeze(0), batch)[0];

    /// <summary>
    /// He et al.'s per-minibatch I(x; z) of one batch, with one z ~ q(z|x) per sentence drawn from its line; the
    /// report averages the batches weighted by their size.
    /// </summary>
    private static void AddMinibatchMutualInformation(EvaluationPart part, Tensor mu, Tensor logVar, long[] lines, EvaluationOptions options)
    {
        using var scope = NewDisposeScope();
        var epsilon = LineRandom.Normal(options.Seed, lines, RandomPurpose.MutualInformationSample, mu.shape[1]).to(mu.device); // [batch, latent]
        var z = mu + (0.5 * logVar).exp() * epsilon;
        part.AddMinibatchMutualInformation(lines.Length, LatentStatistics.MutualInformation(mu, logVar, z));
    }

    /// <summary>
    /// The most tokens a reconstruction or prior sample may have, &lt;eos&gt; included: one more than the longest
    /// sentence training kept (data.maxLength), within the model's position limit. The same for every sentence, so
    /// a reconstruction's length never depends on its batch or on the sentence it should match.
    /// </summary>
    private int ReconstructionLength => Math.Min(Batching.MaxLength, _model.LongestSentence ?? int.MaxValue) + 1;

    private PriorMeasures MeasurePrior(EvaluationOptions options, TrainingCorpusIndex? training)
    {
        var samples = SamplePrior(options.PriorSamples, options.Seed);
        var words = samples.Select(Words).ToArray();
        return new PriorMeasures(
            TextDiversity.Distinct(words, 1),
            TextDiversity.Distinct(words, 2),
            TextDiversity.SelfBleu(words),
            training is null ? null : TextDiversity.Novelty(samples, training));
    }

    /// <summary>
    /// Sentences decoded greedily from z ~ N(0, I), as text, up to the training length limit (the longest sentences
    /// the model has seen) and with &lt;unk&gt; allowed, so novelty and diversity describe what the model writes.
    /// The draws depend on the seed alone.
    /// </summary>
    private List<string> SamplePrior(int count, int seed)
    {
        using var generator = SeededRandom.NewGenerator(LineRandom.Seed(seed, 0, RandomPurpose.PriorSample));
        var texts = new List<string>(count);
        for (var start = 0; start < count; start += SampleRows)
        {
            using var scope = NewDisposeScope();
            var z = SeededRandom.Normal([Math.Min(SampleRows, count - start), _model.Options.LatentSize], _device, generator); // [rows, latent]
            var decoded = SentenceDecoding.Decode(_model, z, new DecodingOptions { MaxLength = ReconstructionLength, AllowUnknown = true });
            texts.AddRange(decoded.Select(sentence => Tokenizer.Decode(sentence.Ids)));
        }
        return texts;
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _model.Dispose();
}
