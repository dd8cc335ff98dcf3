using System.Text.Json.Serialization;

namespace TextVae.Decoding;

/// <summary>How tokens are chosen when a sentence is decoded from z; the same options apply to every command that decodes.</summary>
public sealed record DecodingOptions
{
    public DecodingStrategy Strategy { get; init; } = DecodingStrategy.Greedy;
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
    public bool Samples => Strategy switch
    {
        DecodingStrategy.Greedy or DecodingStrategy.Beam => false,
        DecodingStrategy.Temperature or DecodingStrategy.TopK or DecodingStrategy.TopP => true,
        _ => throw ConfigCheck.Undefined(Strategy, "strategy"),
    };

    public DecodingOptions Validate()
    {
        ConfigCheck.Defined(Strategy, "strategy");
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
