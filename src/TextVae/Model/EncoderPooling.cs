using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Model;

/// <summary>How the Transformer encoder summarises a sentence in one vector.</summary>
[JsonConverter(typeof(SpelledEnumConverter<EncoderPooling>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<EncoderPooling>))]
public enum EncoderPooling
{
    /// <summary>The mean of the final states over real tokens.</summary>
    Mean,
    /// <summary>The final state of a learned first token.</summary>
    Summary,
}
