using System.Text.Json;
using System.Text.Json.Serialization;
using TextVae.Output;

namespace TextVae.Evaluation;

/// <summary>
/// What one shard of an evaluation contributes, as sums that add up exactly across shards: sentence and token
/// counts, the ELBO's and the importance-weighted NLL's sums (<see cref="ExactSum"/>, so the order of addition
/// does not matter), per-dimension sums of the posterior means and their squares (active units), BLEU's
/// statistics, the mutual-information sample and, from shard 0, the prior-sample measures. A one-process
/// evaluation is one such part, so merging the parts of N shards gives the same report to the last bit.
/// </summary>
public sealed class EvaluationPart
{
    public const int CurrentFormat = 3;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private ExactSum _reconstruction = new();
    private ExactSum _kl = new();
    private ExactSum _iwNll = new();
    private ExactSum[] _meanSums = [];
    private ExactSum[] _meanSquareSums = [];
    private ExactSum _minibatchMutualInformation = new();
    private ExactSum _minibatchBound = new();

    [JsonPropertyName("format")] public int Format { get; init; } = CurrentFormat;
    [JsonPropertyName("settings")] public required EvaluationSettings Settings { get; init; }

    /// <summary>The shard indices this part covers: one for a shard's own part, all of them after a merge.</summary>
    [JsonPropertyName("shards_covered")] public List<int> ShardsCovered { get; init; } = [];

    [JsonPropertyName("sentences")] public long Sentences { get; set; }
    [JsonPropertyName("tokens")] public long Tokens { get; set; }

    /// <summary>Σ −log p(x|z) at one z ~ q(z|x) per sentence, as exact partials.</summary>
    [JsonPropertyName("rec_sum")] public double[] ReconstructionSum { get => _reconstruction.Partials; init => _reconstruction = new ExactSum(value); }

    [JsonPropertyName("kl_sum")] public double[] KlSum { get => _kl.Partials; init => _kl = new ExactSum(value); }

    [JsonPropertyName("iw_nll_sum")] public double[] IwNllSum { get => _iwNll.Partials; init => _iwNll = new ExactSum(value); }

    /// <summary>Per latent dimension, Σ μ_d over sentences.</summary>
    [JsonPropertyName("mean_sums")] public double[][] MeanSums { get => _meanSums.Select(s => s.Partials).ToArray(); init => _meanSums = value.Select(p => new ExactSum(p)).ToArray(); }

    /// <summary>Per latent dimension, Σ μ_d² over sentences (exact: a float's square fits a double).</summary>
    [JsonPropertyName("mean_square_sums")] public double[][] MeanSquareSums { get => _meanSquareSums.Select(s => s.Partials).ToArray(); init => _meanSquareSums = value.Select(p => new ExactSum(p)).ToArray(); }

    /// <summary>Sentences left out as longer than the model's position limit.</summary>
    [JsonPropertyName("too_long")] public long TooLong { get; set; }

    /// <summary>Σ over batches of B·I_batch(x; z), for the minibatch estimator.</summary>
    [JsonPropertyName("mi_minibatch_sum")] public double[] MinibatchMutualInformationSum { get => _minibatchMutualInformation.Partials; init => _minibatchMutualInformation = new ExactSum(value); }

    /// <summary>Σ over batches of B·log B, the minibatch estimator's bound before averaging.</summary>
    [JsonPropertyName("mi_minibatch_bound_sum")] public double[] MinibatchBoundSum { get => _minibatchBound.Partials; init => _minibatchBound = new ExactSum(value); }

    [JsonPropertyName("bleu")] public BleuStatistics Bleu { get; init; } = new();

    /// <summary>Sentences whose greedy reconstruction is the input, as the tokenizer writes both.</summary>
    [JsonPropertyName("exact")] public long Exact { get; set; }

    /// <summary>The beam reconstructions' BLEU statistics, when <see cref="EvaluationSettings.BeamWidth"/> is set.</summary>
    [JsonPropertyName("beam_bleu")] public BleuStatistics? BeamBleu { get; set; }

    [JsonPropertyName("beam_exact")] public long BeamExact { get; set; }

    [JsonPropertyName("mi_sample")] public required MutualInformationSample MutualInformation { get; init; }

    [JsonPropertyName("prior")] public PriorMeasures? Prior { get; set; }

    /// <summary>Adds one sentence's figures.</summary>
    public void Add(int tokens, double reconstruction, double kl, double iwNll, ReadOnlySpan<float> mean)
    {
        if (_meanSums.Length == 0)
        {
            _meanSums = Enumerable.Range(0, mean.Length).Select(_ => new ExactSum()).ToArray();
            _meanSquareSums = Enumerable.Range(0, mean.Length).Select(_ => new ExactSum()).ToArray();
        }
        Sentences++;
        Tokens += tokens;
        _reconstruction.Add(reconstruction);
        _kl.Add(kl);
        _iwNll.Add(iwNll);
        for (var d = 0; d < mean.Length; d++)
        {
            _meanSums[d].Add(mean[d]);
            _meanSquareSums[d].Add((double)mean[d] * mean[d]);
        }
    }

    /// <summary>Adds one batch's I(x; z) under its own aggregate posterior, for the size-weighted mean over batches.</summary>
    public void AddMinibatchMutualInformation(int batchSize, double mutualInformation)
    {
        _minibatchMutualInformation.Add(batchSize * mutualInformation);
        _minibatchBound.Add(batchSize * Math.Log(batchSize));
    }

    /// <summary>
    /// Adds the parts of one evaluation, made with the same settings, each shard exactly once; the result covers
    /// all shards. Throws, naming the file, when a part is missing, repeated or made differently.
    /// </summary>
    public static EvaluationPart Merge(IReadOnlyList<(string Name, EvaluationPart Part)> parts)
    {
        if (parts.Count == 0)
            throw new TextVaeException("no evaluation parts to merge");
        var (firstName, first) = parts[0];
        var merged = new EvaluationPart { Settings = first.Settings, MutualInformation = new MutualInformationSample(first.MutualInformation.Capacity) };
        var seen = new Dictionary<int, string>();
        foreach (var (name, part) in parts)
        {
            if (part.Format != CurrentFormat)
                throw new TextVaeException($"{name}: evaluation part format {part.Format}, this TextVae reads format {CurrentFormat}");
            if (Difference(first.Settings, part.Settings) is { } field)
                throw new TextVaeException($"{name}: made with a different {field} than {firstName}; parts of different evaluations cannot be merged");
            foreach (var shard in part.ShardsCovered)
                if (!seen.TryAdd(shard, name))
                    throw new TextVaeException($"{name}: shard {shard}/{part.Settings.Shards} is also in {seen[shard]}");
            merged.AddPart(part);
        }
        var missing = Enumerable.Range(0, first.Settings.Shards).Where(shard => !seen.ContainsKey(shard)).ToArray();
        if (missing.Length > 0)
            throw new TextVaeException($"shard(s) {string.Join(", ", missing.Select(k => $"{k}/{first.Settings.Shards}"))} missing: every shard's part is needed for the report");
        return merged;
    }

    private void AddPart(EvaluationPart part)
    {
        if (_meanSums.Length == 0)
        {
            _meanSums = part._meanSums.Select(_ => new ExactSum()).ToArray();
            _meanSquareSums = part._meanSquareSums.Select(_ => new ExactSum()).ToArray();
        }
        if (part._meanSums.Length != 0 && part._meanSums.Length != _meanSums.Length)
            throw new TextVaeException($"evaluation parts disagree on the latent size ({part._meanSums.Length} and {_meanSums.Length})");
        ShardsCovered.AddRange(part.ShardsCovered);
        ShardsCovered.Sort();
        Sentences += part.Sentences;
        Tokens += part.Tokens;
        _reconstruction.Add(part._reconstruction);
        _kl.Add(part._kl);
        _iwNll.Add(part._iwNll);
        _minibatchMutualInformation.Add(part._minibatchMutualInformation);
        _minibatchBound.Add(part._minibatchBound);
        TooLong += part.TooLong;
        for (var d = 0; d < part._meanSums.Length; d++)
        {
            _meanSums[d].Add(part._meanSums[d]);
            _meanSquareSums[d].Add(part._meanSquareSums[d]);
        }
        Bleu.Add(part.Bleu);
        Exact += part.Exact;
        if (part.BeamBleu is not null)
            (BeamBleu ??= new BleuStatistics()).Add(part.BeamBleu);
        BeamExact += part.BeamExact;
        MutualInformation.Add(part.MutualInformation);
        Prior ??= part.Prior;
    }

    /// <summary>The papers' figures from the sums; needs every shard (see <see cref="Merge"/>).</summary>
    public EvaluationReport Report(double activeThreshold = 0.01)
    {
        if (ShardsCovered.Count != Settings.Shards)
            throw new TextVaeException($"this part covers {ShardsCovered.Count} of {Settings.Shards} shard(s); merge all parts for the report");
        if (Sentences == 0)
            throw new TextVaeException("there are no sentences to evaluate");
        var reconstruction = _reconstruction.Value / Sentences;
        var kl = _kl.Value / Sentences;
        var totalNll = _iwNll.Value;
        // Cov_x(E_q[z_d]) with the population variance, as from all means at once: E[μ²] − E[μ]².
        var activeUnits = _meanSums.Zip(_meanSquareSums).Count(sums =>
        {
            var mean = sums.First.Value / Sentences;
            return sums.Second.Value / Sentences - mean * mean > activeThreshold;
        });
        var (mutualInformation, bound) = Settings.MutualInformationEstimator == MutualInformationEstimator.Minibatch
            ? (_minibatchMutualInformation.Value / Sentences, _minibatchBound.Value / Sentences)
            : (MutualInformation.Estimate(), Math.Log(MutualInformation.Entries.Count));
        return new EvaluationReport
        {
            Elbo = -(reconstruction + kl),
            Reconstruction = reconstruction,
            Kl = kl,
            IwNll = totalNll / Sentences,
            Perplexity = Math.Exp(totalNll / Tokens),
            MutualInformation = mutualInformation,
            MutualInformationEstimator = Settings.MutualInformationEstimator,
            MutualInformationBound = bound,
            MutualInformationAtBound = bound - mutualInformation < ElboSummary.AtBoundTolerance,
            ActiveUnits = activeUnits,
            ReconstructionBleu = Bleu.Score(smooth: false),
            BleuPrecisions = Bleu.Precisions(),
            BleuBrevityPenalty = Bleu.BrevityPenalty(),
            Exact = (double)Exact / Sentences,
            BeamWidth = BeamBleu is null ? null : Settings.BeamWidth,
            BeamBleu = BeamBleu?.Score(smooth: false),
            BeamExact = BeamBleu is null ? null : (double)BeamExact / Sentences,
            Sentences = checked((int)Sentences),
            Tokens = Tokens,
            TooLong = TooLong,
            Distinct1 = Prior?.Distinct1,
            Distinct2 = Prior?.Distinct2,
            SelfBleu = Prior?.SelfBleu,
            Novelty = Prior?.Novelty,
        };
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static EvaluationPart Load(string path)
    {
        if (!File.Exists(path))
            throw new TextVaeException($"evaluation part not found: {path}");
        try
        {
            return JsonSerializer.Deserialize<EvaluationPart>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new TextVaeException($"{path}: not a TextVae evaluation part ({e.Message.Split('\n')[0]})");
        }
    }

    private static string? Difference(EvaluationSettings a, EvaluationSettings b)
    {
        var left = JsonSerializer.SerializeToElement(a);
        var right = JsonSerializer.SerializeToElement(b);
        return left.EnumerateObject().Select(p => p.Name)
            .FirstOrDefault(name => left.GetProperty(name).GetRawText() != right.GetProperty(name).GetRawText());
    }
}
