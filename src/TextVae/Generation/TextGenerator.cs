using System.Text;
using TextVae.Data;
using TextVae.Model;
using TextVae.Runtime;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using TextVae.Corpora;
using TextVae.Decoding;
using static TorchSharp.torch;

namespace TextVae.Generation;

/// <summary>
/// What users do with a trained model: sample from the prior, reconstruct, interpolate, paraphrase, encode, find
/// neighbours and do latent arithmetic. The one service behind the CLI, the TUI and the benchmark. Every request
/// encodes its inputs in one batch and decodes all its candidates in one batch.
/// </summary>
public sealed class TextGenerator : IDisposable
{
    /// <summary>Sentences per encoder batch when encoding a corpus file, unless the caller chooses.</summary>
    public const int DefaultEncodeBatch = 512;

    private const int EncodeChunk = 256; // sentences per encoder batch when encoding a list of sentences
    private const int SampleBlock = 256; // prior samples decoded together; also the unit a shard takes

    private readonly TrainingCorpusIndex? _trainingCorpus;

    public TextGenerator(Checkpoint checkpoint, Device device, string checkpointPath)
    {
        Checkpoint = checkpoint;
        CheckpointPath = checkpointPath;
        Device = device;
        Model = checkpoint.CreateModel(device);
        _trainingCorpus = TrainingCorpusIndex.IfPresent(checkpoint.Info.TrainCorpus, checkpoint.Tokenizer);
    }

    public static TextGenerator Load(string checkpointPath, Device device) =>
        new(Checkpoint.Load(checkpointPath), device, checkpointPath);

    public Checkpoint Checkpoint { get; }
    public string CheckpointPath { get; }
    public Device Device { get; }
    public SentenceVae Model { get; }
    public ISentenceTokenizer Tokenizer => Checkpoint.Tokenizer;
    public int LatentSize => Checkpoint.Config.Model.LatentSize;

    /// <summary>The training corpus used for the verbatim check, or null when it is not available on this machine.</summary>
    public string? TrainingCorpus => _trainingCorpus?.Path;

    public ModelDescription Describe() => new(
        CheckpointPath,
        Checkpoint.Config,
        Tokenizer.Kind,
        Tokenizer.VocabularySize,
        Model.parameters().Sum(p => p.numel()),
        DeviceSelector.Describe(Device),
        Checkpoint.State.Step,
        Checkpoint.Info,
        TrainingCorpus);

    /// <summary>
    /// Reads one user sentence: NFC, tokens cut to data.maxLength (reported, not an error), unknown words found.
    /// An empty or whitespace-only sentence is an error naming <paramref name="role"/>.
    /// </summary>
    public SentenceInput Read(string sentence, string role = "input")
    {
        var text = sentence.Normalize(NormalizationForm.FormC).Trim();
        var ids = text.Length == 0 ? [] : Tokenizer.Encode(text);
        if (ids.Count == 0)
            throw new TextVaeException($"{role}: the sentence is empty");
        // A tokenizer does not say which words became <unk>; a word is unknown when it alone encodes to one.
        var unknown = ids.Contains(SpecialTokens.Unk)
            ? text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(word => Tokenizer.Encode(word).Contains(SpecialTokens.Unk)).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        var kept = ids.Take(Checkpoint.Config.Data.MaxLength).ToArray();
        return new SentenceInput(text, Tokenizer.Decode(kept), kept, unknown, ids.Count);
    }

    /// <summary>Sentences from the prior: z ~ N(0, I), decoded in blocks of <see cref="SampleBlock"/>.</summary>
    public IReadOnlyList<GeneratedSentence> Sample(int count, DecodingOptions options, int seed) =>
        Sample(count, options, seed, Shard.All).Select(sample => sample.Sentence).ToArray();

    /// <summary>
    /// One shard's share of <paramref name="count"/> prior samples: sample n's z comes from its own generator (seed
    /// and n), and each block of <see cref="SampleBlock"/> samples is decoded together with a generator of its own
    /// (seed and block), so the samples do not depend on how many shards draw them.
    /// </summary>
    public IEnumerable<NumberedSample> Sample(int count, DecodingOptions options, int seed, Shard shard, CancellationToken cancel = default)
    {
        ConfigCheck.Positive(count, "count");
        options.Validate();
        shard.Validate();
        for (long block = 0; block * SampleBlock < count; block++)
        {
            if (!shard.Owns(block))
                continue;
            cancel.ThrowIfCancellationRequested();
            var numbers = Enumerable.Range(0, (int)Math.Min(SampleBlock, count - block * SampleBlock)).Select(i => block * SampleBlock + i + 1).ToArray();
            GeneratedSentence[] sentences;
            using (var scope = NewDisposeScope())
            using (var noGrad = no_grad())
            using (var generator = SeededRandom.NewGenerator(LineRandom.Seed(seed, block, RandomPurpose.Decoding)))
            {
                var z = LineRandom.Normal(seed, numbers, RandomPurpose.PriorSample, LatentSize).to(Device); // [block, latent]
                sentences = Generate(z, options, generator);
            }
            for (var i = 0; i < numbers.Length; i++)
                yield return new NumberedSample(numbers[i], sentences[i]);
        }
    }

    /// <summary>Encodes to the posterior mean (or a sample of q(z|x)) and decodes.</summary>
    public ReconstructionResult Reconstruct(string sentence, bool samplePosterior, DecodingOptions options, int seed)
    {
        options.Validate();
        var input = Read(sentence);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = Seeded(seed);
        var (mu, logVar) = Posterior([input.Ids]);
        var z = samplePosterior ? GaussianLatent.Reparameterize(mu, logVar, generator) : mu; // [1, latent]
        var output = Generate(z, options, generator)[0];
        return new ReconstructionResult(input, output, samplePosterior, output.Text == input.AsRead);
    }

    /// <summary>
    /// Bowman et al.'s homotopy: decodes <paramref name="steps"/> evenly spaced points from the first sentence's
    /// posterior mean to the second's, both ends included; consecutive equal sentences become one point with a span.
    /// </summary>
    public InterpolationResult Interpolate(string first, string second, int steps, InterpolationPath mode, DecodingOptions options, int seed = 0)
    {
        CheckPath(steps, mode, options);
        var a = Read(first, "first sentence");
        var b = Read(second, "second sentence");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (mu, _) = Posterior([a.Ids, b.Ids]); // [2, latent]
        return new InterpolationResult(a, b, steps, mode, InterpolatePath(mu[0], mu[1], steps, mode, options, seed));
    }

    /// <summary>The same path between two given latent codes (each [latent]), such as points chosen on a map.</summary>
    public IReadOnlyList<InterpolationPoint> Interpolate(float[] first, float[] second, int steps, InterpolationPath mode, DecodingOptions options, int seed = 0)
    {
        CheckPath(steps, mode, options);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return InterpolatePath(Code(first, "first code"), Code(second, "second code"), steps, mode, options, seed);
    }

    /// <summary>Decodes latent codes (each [latent]) given as numbers, all in one batch.</summary>
    public IReadOnlyList<GeneratedSentence> Decode(IReadOnlyList<float[]> codes, DecodingOptions options, int seed = 0)
    {
        options.Validate();
        if (codes.Count == 0)
            return [];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var z = stack(codes.Select((code, i) => Code(code, $"code {i + 1}")).ToArray()); // [codes, latent]
        using var generator = Seeded(seed);
        return Generate(z, options, generator);
    }

    /// <summary>
    /// −log p(x|μ) of each encoded sentence, in nats (its &lt;eos&gt; included): how well the decoder rebuilds the
    /// sentence from its own posterior mean, one teacher-forced pass per batch.
    /// </summary>
    public double[] ReconstructionNll(IReadOnlyList<LatentCode> codes)
    {
        if (codes.Count == 0)
            return [];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = SentenceBatch.Of(codes.Select(code => code.Input.Ids).ToArray()).To(Device);
        var (decoderInput, targets, _) = SentenceVae.Split(batch.Tokens); // [codes, maxWords + 1] each
        var mu = tensor(codes.SelectMany(code => code.Mean).ToArray(), [codes.Count, LatentSize]).to(Device); // [codes, latent]
        return Model.ReconstructionNll(mu, decoderInput, targets, batch.Lengths)
            .to(float64).cpu().data<double>().ToArray();
    }

    /// <summary>
    /// Two short sentences of the validation corpus made only of known words, for an interpolation that shows words
    /// rather than &lt;unk&gt;; null when the corpus is not on this machine or has no two such sentences.
    /// </summary>
    public (string First, string Second)? ValidationPair()
    {
        var valid = Checkpoint.Config.Data.Valid;
        if (valid is null || !File.Exists(valid))
            return null;
        var candidates = File.ReadLines(valid).Where(line => line.Split(' ').Length is >= 6 and <= 10)
            .Where(line => Read(line).UnknownWords.Count == 0).Take(2).ToList();
        return candidates.Count == 2 ? (candidates[0], candidates[1]) : null;
    }

    /// <summary>
    /// Decodes <paramref name="count"/> codes z = μ + radius · σ · ε around the input's posterior, drops empty
    /// sentences, duplicates (keeping the best score) and the input itself, and ranks the rest.
    /// </summary>
    public ParaphraseResult Paraphrase(string sentence, int count, double radius, DecodingOptions options, int seed, ParaphraseRanking ranking)
    {
        ConfigCheck.Positive(count, "count");
        ConfigCheck.NotNegative(radius, "radius");
        ConfigCheck.Defined(ranking, "ranking");
        options.Validate();
        var input = Read(sentence);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = Seeded(seed);
        var (mu, logVar) = Posterior([input.Ids]); // [1, latent]
        var noise = SeededRandom.Normal([count, LatentSize], Device, generator); // [count, latent]
        var z = mu + radius * (0.5 * logVar).exp() * noise; // [count, latent]
        var decoded = SentenceDecoding.Decode(Model, z, options, generator);

        var best = new Dictionary<string, (int[] Ids, double Score)>(StringComparer.Ordinal);
        foreach (var candidate in decoded)
        {
            var text = Tokenizer.Decode(candidate.Ids);
            if (candidate.Ids.Length == 0 || text == input.AsRead)
                continue;
            if (!best.TryGetValue(text, out var seen) || candidate.LogProbability > seen.Score)
                best[text] = (candidate.Ids, candidate.LogProbability);
        }
        var distinct = best.ToArray();
        var distances = distinct.Length == 0
            ? []
            : Distances(Posterior(distinct.Select(entry => entry.Value.Ids.Take(Checkpoint.Config.Data.MaxLength).ToArray()).ToArray()).Mu, mu);
        var paraphrases = distinct
            .Select((entry, i) => new ParaphraseCandidate(entry.Key, entry.Value.Score, distances[i], _trainingCorpus?.Contains(entry.Key)));
        paraphrases = ranking switch
        {
            ParaphraseRanking.Likelihood => paraphrases.OrderByDescending(p => p.Score),
            ParaphraseRanking.Distance => paraphrases.OrderBy(p => p.Distance),
            _ => throw ConfigCheck.Undefined(ranking, "ranking"),
        };
        return new ParaphraseResult(input, decoded.Length, radius, ranking, paraphrases.ToArray());
    }

    /// <summary>Posterior means and variances of many sentences, encoded in batches.</summary>
    public IReadOnlyList<LatentCode> Encode(IEnumerable<string> sentences)
    {
        var codes = new List<LatentCode>();
        var number = 0;
        foreach (var chunk in sentences.Chunk(EncodeChunk))
        {
            var inputs = chunk.Select(sentence => Read(sentence, $"sentence {++number}")).ToArray();
            var posterior = PosteriorOnHost(inputs.Select(input => input.Ids).ToArray());
            for (var row = 0; row < inputs.Length; row++)
            {
                var (mean, variance) = PosteriorRow(posterior, row);
                codes.Add(new LatentCode(inputs[row], mean, variance));
            }
        }
        return codes;
    }

    /// <summary>A corpus read for encoding: every non-empty line kept (cut to data.maxLength), one shard of it.</summary>
    public CorpusBlocks Blocks(string path, Shard shard, int blockLines = CorpusBlocks.DefaultBlockLines) =>
        new(path, Tokenizer, Checkpoint.Config.Data with { Deduplicate = false, MinLength = 1 }, shard, blockLines);

    /// <summary>
    /// Posterior means and variances of a corpus, streamed block by block (each block's rows in line order); memory
    /// holds one block. Each block is encoded in batches of <paramref name="batchSize"/> sentences of similar length,
    /// without autograd, with one host transfer per batch.
    /// </summary>
    public IEnumerable<EncodedSentence> Encode(CorpusBlocks blocks, int batchSize = DefaultEncodeBatch, CancellationToken cancel = default)
    {
        ConfigCheck.Positive(batchSize, "batchSize");
        return EncodeBlocks(blocks, batchSize, cancel);
    }

    private IEnumerable<EncodedSentence> EncodeBlocks(CorpusBlocks blocks, int batchSize, CancellationToken cancel)
    {
        foreach (var block in blocks.Read())
        {
            var rows = new List<EncodedSentence>(block.Sentences.Count);
            foreach (var batch in block.Batches(batchSize))
            {
                cancel.ThrowIfCancellationRequested();
                var posterior = PosteriorOnHost(batch.Select(sentence => sentence.Ids).ToArray());
                for (var row = 0; row < batch.Length; row++)
                {
                    var sentence = batch[row];
                    var (mean, variance) = PosteriorRow(posterior, row);
                    rows.Add(new EncodedSentence(sentence.Line, sentence.Text, sentence.Ids.Length, sentence.Truncated, sentence.Ids.Contains(SpecialTokens.Unk),
                        mean, variance));
                }
            }
            foreach (var row in rows.OrderBy(row => row.Line))
                yield return row;
        }
    }

    /// <summary>The <paramref name="k"/> corpus sentences (distinct lines) whose posterior means are nearest the input's.</summary>
    public NeighboursResult Neighbours(string sentence, string corpusPath, int k)
    {
        ConfigCheck.Positive(k, "-k");
        var input = Read(sentence);
        var lines = new CorpusReader(corpusPath).ReadLines().DistinctBy(line => line.Text, StringComparer.Ordinal).ToArray();
        var codes = Encode(lines.Select(line => line.Text));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (query, _) = Posterior([input.Ids]); // [1, latent]
        var means = tensor(codes.SelectMany(code => code.Mean).ToArray(), [codes.Count, LatentSize], device: Device); // [n, latent]
        var distances = Distances(means, query);
        var neighbours = Enumerable.Range(0, lines.Length)
            .OrderBy(i => distances[i])
            .Take(k)
            .Select(i => new Neighbour(lines[i].Text, lines[i].Number, distances[i]))
            .ToArray();
        return new NeighboursResult(input, corpusPath, lines.Length, neighbours);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest sentences among those of a file from <c>textvae encode</c> (same model): no
    /// corpus is encoded again, and the file is streamed, keeping only the k best so far.
    /// </summary>
    public NeighboursResult Neighbours(string sentence, string codesPath, string checkpointSha256, int k)
    {
        ConfigCheck.Positive(k, "-k");
        var input = Read(sentence);
        float[] query;
        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
            query = Posterior([input.Ids]).Mu.cpu().data<float>().ToArray(); // [latent]
        var farthestFirst = new PriorityQueue<Neighbour, double>(Comparer<double>.Create((a, b) => b.CompareTo(a)));
        var seen = 0;
        foreach (var (line, text, mean) in LatentCodeReader.Read(codesPath, LatentSize, checkpointSha256))
        {
            seen++;
            var squared = 0.0;
            for (var d = 0; d < mean.Length; d++)
                squared += ((double)mean[d] - query[d]) * ((double)mean[d] - query[d]);
            farthestFirst.Enqueue(new Neighbour(text, line, Math.Sqrt(squared)), Math.Sqrt(squared));
            if (farthestFirst.Count > k)
                farthestFirst.Dequeue();
        }
        var nearest = farthestFirst.UnorderedItems.Select(item => item.Element).OrderBy(n => n.Distance).ThenBy(n => n.LineNumber).ToArray();
        return new NeighboursResult(input, codesPath, seen, nearest);
    }

    /// <summary>Decodes Σ sign · posterior mean of the terms (Bowman et al.'s and Mikolov's analogies, in sentence space).</summary>
    public ArithmeticResult Arithmetic(IReadOnlyList<ArithmeticTerm> terms, DecodingOptions options, int seed = 0)
    {
        if (terms.Count == 0)
            throw new TextVaeException("arithmetic needs at least one sentence");
        options.Validate();
        var operands = terms.Select((term, i) => new ArithmeticOperand(term.Sign, Read(term.Sentence, $"term {i + 1}"))).ToArray();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (mu, _) = Posterior(operands.Select(operand => operand.Input.Ids).ToArray()); // [terms, latent]
        var signs = tensor(operands.Select(operand => (float)operand.Sign).ToArray(), device: Device).unsqueeze(1); // [terms, 1]
        var z = (signs * mu).sum(0, keepdim: true); // [1, latent]
        using var generator = Seeded(seed);
        return new ArithmeticResult(operands, Generate(z, options, generator)[0]);
    }

    /// <summary>Whether decoded text occurs verbatim in the training corpus; null when the corpus is unavailable.</summary>
    public bool? InTrainingCorpus(string text) => _trainingCorpus?.Contains(text);

    public void Dispose() => Model.Dispose();

    /// <summary>q(z|x) of token sequences (each at most data.maxLength) in one encoder batch.</summary>
    /// <returns>μ and log σ², each [sentences, latent].</returns>
    private (Tensor Mu, Tensor LogVar) Posterior(IReadOnlyList<int[]> sentences)
    {
        var batch = SentenceBatch.Of(sentences).To(Device);
        var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens); // [sentences, maxWords + 1]
        return Model.Encode(encoderInput, batch.Lengths);
    }

    /// <summary>
    /// q(z|x) of one batch without autograd, read back in a single transfer: row-major [sentences, 2 · latent], each
    /// row the means and then the variances.
    /// </summary>
    private float[] PosteriorOnHost(IReadOnlyList<int[]> sentences)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var (mu, logVar) = Posterior(sentences); // [sentences, latent] each
        return cat([mu, logVar.exp()], 1).cpu().data<float>().ToArray();
    }

    /// <summary>One sentence's means and variances from <see cref="PosteriorOnHost"/>'s rows.</summary>
    private (float[] Mean, float[] Variance) PosteriorRow(float[] posterior, int row)
    {
        var start = row * 2 * LatentSize;
        return (posterior[start..(start + LatentSize)], posterior[(start + LatentSize)..(start + 2 * LatentSize)]);
    }

    /// <param name="z">[rows, latent]</param>
    private GeneratedSentence[] Generate(Tensor z, DecodingOptions options, Generator generator) =>
        SentenceDecoding.Decode(Model, z, options, generator)
            .Select(decoded =>
            {
                var text = Tokenizer.Decode(decoded.Ids);
                return new GeneratedSentence(text, decoded.LogProbability, decoded.Finished, _trainingCorpus?.Contains(text));
            })
            .ToArray();

    /// <summary>Euclidean distances of each row of <paramref name="points"/> [n, latent] to <paramref name="origin"/> [1, latent].</summary>
    private static double[] Distances(Tensor points, Tensor origin) =>
        (points - origin).to(float64).norm(1).cpu().data<double>().ToArray();

    /// <summary>
    /// Bowman et al.'s homotopy: decodes <paramref name="steps"/> evenly spaced points from <paramref name="a"/> to
    /// <paramref name="b"/> (each [latent]), both ends included; consecutive equal sentences become one point with a span.
    /// </summary>
    private List<InterpolationPoint> InterpolatePath(Tensor a, Tensor b, int steps, InterpolationPath mode, DecodingOptions options, int seed)
    {
        var positions = Enumerable.Range(0, steps).Select(i => i / (steps - 1.0)).ToArray();
        var z = Interpolator.Interpolate(a, b, tensor(positions, device: Device), mode); // [steps, latent]
        using var generator = Seeded(seed);
        var sentences = Generate(z, options, generator);

        var points = new List<InterpolationPoint>();
        for (var step = 0; step < steps; step++)
        {
            if (points.Count > 0 && points[^1].Sentence.Text == sentences[step].Text)
                points[^1] = points[^1] with { LastStep = step, LastPosition = positions[step] };
            else
                points.Add(new InterpolationPoint(step, step, positions[step], positions[step], sentences[step]));
        }
        return points;
    }

    private static void CheckPath(int steps, InterpolationPath mode, DecodingOptions options)
    {
        ConfigCheck.Defined(mode, "mode");
        if (steps < 2)
            throw new InvalidParameterException("steps", $"must be at least 2, the two ends (got {steps})");
        options.Validate();
    }

    /// <summary>A code given as numbers, as a [latent] tensor on the device; a wrong size is an error naming <paramref name="role"/>.</summary>
    private Tensor Code(float[] code, string role) => code.Length == LatentSize
        ? tensor(code, device: Device)
        : throw new TextVaeException($"{role}: has {code.Length} numbers; this model's latent code has {LatentSize}");

    private static Generator Seeded(int seed) => SeededRandom.NewGenerator(unchecked((ulong)seed));
}
