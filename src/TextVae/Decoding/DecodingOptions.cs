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
    /// it one of the likeliest tokens, and sentences full of it say little. When off, scores are log-probabilities
    /// under the model renormalised without &lt;unk&gt;.
    /// </summary>
    public bool AllowUnknown { get; init; }

    /// <summary>Tokens generated at most per sentence, &lt;eos&gt; included.</summary>
    public int MaxLength { get; init; } = 30;

    [JsonIgnore]
    public bool Samples => Strategy is "temperature" or "top-k" or "top-p";

    public DecodingOptions Validate()
    {
        ConfigCheck.OneOf(Strategy, "--strategy", Strategies);
        if (Samples && !(Temperature > 0))
            throw new TextVaeException($"--temperature must be greater than 0 when sampling (got {Temperature}); use --strategy greedy for the most likely tokens");
        ConfigCheck.Positive(TopK, "--top-k");
        if (!(TopP > 0 && TopP <= 1))
            throw new TextVaeException($"--top-p must be in (0, 1] (got {TopP})");
        ConfigCheck.Positive(BeamWidth, "--beam");
        ConfigCheck.Positive(MaxLength, "--max-len");
        return this;
    }
}
