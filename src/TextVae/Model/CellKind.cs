using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Model;

/// <summary>The layers that read or write a sentence, in the encoder and the decoder alike.</summary>
[JsonConverter(typeof(SpelledEnumConverter<CellKind>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<CellKind>))]
public enum CellKind
{
    Lstm,
    Gru,
    Transformer,
}
