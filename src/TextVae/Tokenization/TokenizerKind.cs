using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Tokenization;

/// <summary>How text is cut into tokens; also the key <see cref="TokenizerFiles"/> uses to rebuild a saved tokenizer.</summary>
[JsonConverter(typeof(SpelledEnumConverter<TokenizerKind>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<TokenizerKind>))]
public enum TokenizerKind
{
    /// <summary>Whole words (<see cref="WordTokenizer"/>); rare words become <c>&lt;unk&gt;</c>.</summary>
    Word,
    /// <summary>Byte-level byte-pair encoding (<see cref="BpeSentenceTokenizer"/>): any text, no <c>&lt;unk&gt;</c>.</summary>
    Bpe,
}
