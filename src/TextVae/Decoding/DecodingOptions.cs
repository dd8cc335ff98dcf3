using System.Text.Json.Serialization;

namespace TextVae.Decoding;

/// <summary>How tokens are chosen when a sentence is decoded from z; the same options apply to every command that decodes.</summary>
public sealed record DecodingOptions
{
    public static readonly string[] Strategies = ["greedy", "temperature", "top-k", "top-p", "beam"];

    /// <summary>"greedy", "temperature" (sampling from softmax(logits / T)), "top-k", "top-p" (nucleus) or "beam".</summary>
    public string Strategy { get; init; } = "greedy";
    public double Temperature { get; init; } = 1.0;
    public int TopK { get; init; } = 40;
    public double TopP { get; init; } = 0.9;
    public int BeamWidth { get; init; } = 5;

    /// <summary>
    /// Let the decoder emit &lt;unk&gt;. Off by default: a word vocabulary maps every rare word to &lt;unk&gt;, which makes
    /// it one of the likeliest tokens, and sentences full of it say little. Scores are log-probabilities under the
    /// model renormalised over the tokens a sentence may contain: never &lt;pad&gt; or &lt;bos&gt;, and &lt;unk&gt; only when allowed.
    /// </summary>
    public bool AllowUnknown { get; init; }

    /// <summary>Tokens generated at most per sentence, &lt;eos&gt; included.</summary>
    public int MaxLength { get; init; } = 30;

    [JsonIgnore]
    public bool Samples => Strategy is "temperature" or "top-k" or "top-p";

    public DecodingOptions Validate()
    {
        ConfigCheck.OneOf(Strategy, "strategy", Strategies);
        if (Samples && !(Temperature > 0))
            throw new InvalidParameterException("temperature", $"must be greater than 0 when sampling (got {Temperature}); the greedy strategy gives the most likely tokens");
        ConfigCheck.Positive(TopK, "topK");
        if (!(TopP > 0 && TopP <= 1))
            throw new InvalidParameterException("topP", $"must be in (0, 1] (got {TopP})");
        ConfigCheck.Positive(BeamWidth, "beamWidth");
        ConfigCheck.Positive(MaxLength, "maxLength");
        return this;
    }
}
