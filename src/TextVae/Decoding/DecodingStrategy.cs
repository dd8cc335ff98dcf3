using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Decoding;

/// <summary>How the next token is chosen from the decoder's distribution.</summary>
[JsonConverter(typeof(SpelledEnumConverter<DecodingStrategy>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<DecodingStrategy>))]
public enum DecodingStrategy
{
    /// <summary>The most likely token.</summary>
    Greedy,
    /// <summary>A sample from softmax(logits / T).</summary>
    Temperature,
    /// <summary>A sample among the <see cref="DecodingOptions.TopK"/> most likely tokens.</summary>
    TopK,
    /// <summary>Nucleus sampling (Holtzman et al. 2020): among the most likely tokens whose probability reaches <see cref="DecodingOptions.TopP"/>.</summary>
    TopP,
    /// <summary>Beam search with <see cref="DecodingOptions.BeamWidth"/> hypotheses per sentence.</summary>
    Beam,
}
