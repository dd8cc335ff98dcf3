using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>
/// A model measured on a data set as the text-VAE papers report it (Bowman et al. 2016, He et al. 2019, Li et al. 2019):
/// per-sentence nats, perplexity over target tokens (&lt;eos&gt; counted, &lt;bos&gt; not), and the prior-sample measures.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>ELBO per sentence, one posterior sample per sentence with the analytic KL.</summary>
    [JsonPropertyName("elbo")] public required double Elbo { get; init; }

    /// <summary>−E_q[log p(x|z)] per sentence.</summary>
    [JsonPropertyName("rec")] public required double Reconstruction { get; init; }

    [JsonPropertyName("kl")] public required double Kl { get; init; }

    /// <summary>−log p(x) per sentence, importance-weighted with <see cref="EvaluationOptions.Samples"/> samples from q(z|x).</summary>
    [JsonPropertyName("iw_nll")] public required double IwNll { get; init; }

    /// <summary>exp(Σ IW-NLL / <see cref="Tokens"/>).</summary>
    [JsonPropertyName("ppl")] public required double Perplexity { get; init; }

    /// <summary>I(x; z) in nats (He et al. 2019), one z ~ q(z|x) per sentence, under <see cref="MutualInformationEstimator"/>.</summary>
    [JsonPropertyName("mi")] public required double MutualInformation { get; init; }

    [JsonPropertyName("mi_estimator")] public required MutualInformationEstimator MutualInformationEstimator { get; init; }

    /// <summary>The most the estimate can be: log N over the data set's N sentences, or the size-weighted mean of log B over minibatches.</summary>
    [JsonPropertyName("mi_bound")] public required double MutualInformationBound { get; init; }

    /// <summary>Within <see cref="ElboSummary.AtBoundTolerance"/> of the bound: saturated, so it says only that z carries at least this much.</summary>
    [JsonPropertyName("mi_at_bound")] public required bool MutualInformationAtBound { get; init; }

    /// <summary>Latent dimensions with Cov_x(E_q[z]) &gt; 0.01.</summary>
    [JsonPropertyName("au")] public required int ActiveUnits { get; init; }

    /// <summary>
    /// Corpus BLEU (0–100; Papineni et al. 2002, unsmoothed, as multi-bleu.perl and sacreBLEU compute it) of the greedy
    /// decoding of each posterior mean against its input, &lt;unk&gt; allowed as in the references.
    /// </summary>
    [JsonPropertyName("bleu")] public required double ReconstructionBleu { get; init; }

    /// <summary>The unsmoothed 1- to 4-gram precisions (0–100) behind <see cref="ReconstructionBleu"/>.</summary>
    [JsonPropertyName("bleu_precisions")] public required NgramPrecisions BleuPrecisions { get; init; }

    /// <summary>BLEU's brevity penalty exp(min(0, 1 − r/c)) over the corpus.</summary>
    [JsonPropertyName("bleu_brevity_penalty")] public required double BleuBrevityPenalty { get; init; }

    /// <summary>Share of sentences whose greedy reconstruction equals the input, as the tokenizer writes both (so &lt;unk&gt; matches &lt;unk&gt;).</summary>
    [JsonPropertyName("exact")] public required double Exact { get; init; }

    /// <summary>Width of the length-normalised beam that <see cref="BeamBleu"/> decoded with; null without a beam.</summary>
    [JsonPropertyName("beam_width")] public int? BeamWidth { get; init; }

    /// <summary>Corpus BLEU of the beam reconstructions, as <see cref="ReconstructionBleu"/> is of the greedy ones.</summary>
    [JsonPropertyName("beam_bleu")] public double? BeamBleu { get; init; }

    [JsonPropertyName("beam_exact")] public double? BeamExact { get; init; }

    /// <summary>Prior samples' distinct unigrams over all unigrams; null when no prior samples were drawn.</summary>
    [JsonPropertyName("distinct1")] public double? Distinct1 { get; init; }

    [JsonPropertyName("distinct2")] public double? Distinct2 { get; init; }

    [JsonPropertyName("self_bleu")] public double? SelfBleu { get; init; }

    /// <summary>Share of prior samples not verbatim in the training corpus (<see cref="Data.TrainingCorpusIndex"/>); null without samples or a training corpus.</summary>
    [JsonPropertyName("novelty")] public double? Novelty { get; init; }

    /// <summary>Sentences scored: every sentence of the file, whole, except those in <see cref="TooLong"/>.</summary>
    [JsonPropertyName("sentences")] public required int Sentences { get; init; }

    /// <summary>Target tokens: each sentence's tokens plus its &lt;eos&gt;.</summary>
    [JsonPropertyName("tokens")] public required long Tokens { get; init; }

    /// <summary>Sentences longer than the model's position limit (a Transformer's), left out of every measure; 0 for RNNs.</summary>
    [JsonPropertyName("too_long")] public required long TooLong { get; init; }
}
