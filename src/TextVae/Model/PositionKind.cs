using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Model;

/// <summary>Where the Transformer gets position information from.</summary>
[JsonConverter(typeof(SpelledEnumConverter<PositionKind>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<PositionKind>))]
public enum PositionKind
{
    Learned,
    /// <summary>The fixed sinusoids of Vaswani et al. (2017).</summary>
    Sinusoidal,
}
