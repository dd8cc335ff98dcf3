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

    /// <summary>I(x; z) in nats, aggregate-posterior estimator of He et al. (2019), one z per sentence.</summary>
    [JsonPropertyName("mi")] public required double MutualInformation { get; init; }

    /// <summary>Latent dimensions with Cov_x(E_q[z]) &gt; 0.01.</summary>
    [JsonPropertyName("au")] public required int ActiveUnits { get; init; }

    /// <summary>Corpus BLEU (0–100) of the greedy decoding of each posterior mean against its input.</summary>
    [JsonPropertyName("bleu")] public required double ReconstructionBleu { get; init; }

    /// <summary>Prior samples' distinct unigrams over all unigrams; null when no prior samples were drawn.</summary>
    [JsonPropertyName("distinct1")] public double? Distinct1 { get; init; }

    [JsonPropertyName("distinct2")] public double? Distinct2 { get; init; }

    [JsonPropertyName("self_bleu")] public double? SelfBleu { get; init; }

    /// <summary>Share of prior samples not in the training corpus; null without samples or a training corpus.</summary>
    [JsonPropertyName("novelty")] public double? Novelty { get; init; }

    [JsonPropertyName("sentences")] public required int Sentences { get; init; }

    /// <summary>Target tokens: each sentence's tokens plus its &lt;eos&gt;.</summary>
    [JsonPropertyName("tokens")] public required long Tokens { get; init; }
}
