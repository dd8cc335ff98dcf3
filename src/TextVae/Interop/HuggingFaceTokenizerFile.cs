using System.Text.Encodings.Web;
using System.Text.Json;
using TextVae.Tokenization;

namespace TextVae.Interop;

/// <summary>
/// The tokenizer as one Hugging Face <c>tokenizer.json</c> (the <c>tokenizers</c> library's own format), so that
/// <c>tokenizers.Tokenizer.from_file</c>, <c>PreTrainedTokenizerFast(tokenizer_file=…)</c> and the JavaScript
/// readers encode a sentence to TextVae's ids without TextVae's code. The steps mirror <see cref="ISentenceTokenizer.Encode"/>
/// after the trim that <c>TextGenerator.Read</c> applies: NFC, trim, optional lower-casing, then the split and the model.
/// Where the Hugging Face steps cannot match exactly (lower-casing of U+0130, literal special-token text), docs/interop.md says so.
/// </summary>
public static class HuggingFaceTokenizerFile
{
    public const string FileName = "tokenizer.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Create(ISentenceTokenizer tokenizer)
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteNull("truncation"); // data.maxLength is the model's business; config.json states it
            json.WriteNull("padding");
            WriteAddedTokens(json);
            switch (tokenizer)
            {
                case WordTokenizer word:
                    WriteNormalizer(json, word.Lowercase);
                    json.WritePropertyName("pre_tokenizer");
                    WriteType(json, "WhitespaceSplit"); // Unicode White_Space, as .NET's char.IsWhiteSpace
                    json.WriteNull("post_processor"); // Encode adds no <bos>/<eos>: the model adds them itself
                    json.WriteNull("decoder"); // no decoder: tokens joined by single spaces, as WordTokenizer.Decode
                    WriteWordLevel(json, word);
                    break;
                case BpeSentenceTokenizer bpe:
                    WriteNormalizer(json, bpe.Lowercase);
                    WriteBytePreTokenizer(json);
                    json.WriteNull("post_processor");
                    json.WritePropertyName("decoder");
                    WriteByteLevel(json, useRegex: true);
                    WriteBpe(json, bpe);
                    break;
                default:
                    throw new TextVaeException($"tokenizer kind '{EnumSpelling.Of(tokenizer.Kind)}' has no Hugging Face form");
            }
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The special tokens at their fixed ids. Hugging Face readers cut them out of the raw text before anything else,
    /// which TextVae does not (there a literal "&lt;pad&gt;" is an unknown word or plain bytes): a stated difference.
    /// </summary>
    private static void WriteAddedTokens(Utf8JsonWriter json)
    {
        json.WriteStartArray("added_tokens");
        for (var id = 0; id < SpecialTokens.Count; id++)
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("content", SpecialTokens.Texts[id]);
            json.WriteBoolean("single_word", false);
            json.WriteBoolean("lstrip", false);
            json.WriteBoolean("rstrip", false);
            json.WriteBoolean("normalized", false);
            json.WriteBoolean("special", true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>SentenceNormalizer's NFC and lower-casing, with the trim TextGenerator.Read applies before encoding.</summary>
    private static void WriteNormalizer(Utf8JsonWriter json, bool lowercase)
    {
        json.WriteStartObject("normalizer");
        json.WriteString("type", "Sequence");
        json.WriteStartArray("normalizers");
        WriteType(json, "NFC");
        json.WriteStartObject();
        json.WriteString("type", "Strip");
        json.WriteBoolean("strip_left", true);
        json.WriteBoolean("strip_right", true);
        json.WriteEndObject();
        if (lowercase)
            WriteType(json, "Lowercase");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// TextVae's own split regex (GPT-2's with combining marks kept inside words), then the byte-level spelling
    /// without its built-in regex: Hugging Face's ByteLevel regex lacks \p{M} and would cut "नमस्ते" differently.
    /// </summary>
    private static void WriteBytePreTokenizer(Utf8JsonWriter json)
    {
        json.WriteStartObject("pre_tokenizer");
        json.WriteString("type", "Sequence");
        json.WriteStartArray("pretokenizers");
        json.WriteStartObject();
        json.WriteString("type", "Split");
        json.WriteStartObject("pattern");
        json.WriteString("Regex", BpeSentenceTokenizer.PreTokenPattern().ToString());
        json.WriteEndObject();
        json.WriteString("behavior", "Isolated");
        json.WriteBoolean("invert", false);
        json.WriteEndObject();
        WriteByteLevel(json, useRegex: false);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteByteLevel(Utf8JsonWriter json, bool useRegex)
    {
        json.WriteStartObject();
        json.WriteString("type", "ByteLevel");
        json.WriteBoolean("add_prefix_space", false); // TextVae adds no space before the first word
        json.WriteBoolean("trim_offsets", true);
        json.WriteBoolean("use_regex", useRegex);
        json.WriteEndObject();
    }

    private static void WriteWordLevel(Utf8JsonWriter json, WordTokenizer word)
    {
        json.WriteStartObject("model");
        json.WriteString("type", "WordLevel");
        WriteVocabulary(json, word.VocabularySize, word.TokenText);
        json.WriteString("unk_token", SpecialTokens.UnkText);
        json.WriteEndObject();
    }

    private static void WriteBpe(Utf8JsonWriter json, BpeSentenceTokenizer bpe)
    {
        json.WriteStartObject("model");
        json.WriteString("type", "BPE");
        json.WriteNull("dropout");
        json.WriteNull("unk_token"); // every byte is in the vocabulary: nothing is unknown
        json.WriteNull("continuing_subword_prefix");
        json.WriteNull("end_of_word_suffix");
        json.WriteBoolean("fuse_unk", false);
        json.WriteBoolean("byte_fallback", false);
        json.WriteBoolean("ignore_merges", false); // merges decide even when a whole word is in the vocabulary, as in TextVae
        WriteVocabulary(json, bpe.VocabularySize, bpe.TokenSpelling);
        // "left right" strings, the form every tokenizers version reads (the newer pair form needs 0.20 or later).
        json.WriteStartArray("merges");
        foreach (var (left, right) in bpe.Merges)
            json.WriteStringValue($"{left} {right}");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteVocabulary(Utf8JsonWriter json, int size, Func<int, string> token)
    {
        json.WriteStartObject("vocab");
        for (var id = 0; id < size; id++)
            json.WriteNumber(token(id), id);
        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, string type)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteEndObject();
    }
}
