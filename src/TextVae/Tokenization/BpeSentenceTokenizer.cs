using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace TextVae.Tokenization;

/// <summary>
/// Byte-level subword tokenizer: vocabulary and merges (from <see cref="BpeTokenizerTrainer"/> or files) run by
/// Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>, which does all encoding and decoding. Every byte is in the
/// vocabulary, so any text (German, emoji, any script) round-trips exactly and <c>&lt;unk&gt;</c> never occurs.
/// </summary>
public sealed partial class BpeSentenceTokenizer : ISentenceTokenizer
{
    public const string VocabularyFile = "vocab.json";
    public const string MergesFile = "merges.txt";
    private const string MergesHeader = "#version: 0.2";

    private readonly BpeTokenizer _bpe;
    private readonly string[] _tokens;

    /// <param name="symbols">Byte-level spellings after the special tokens, in id order (ids 4, 5, …).</param>
    /// <param name="merges">Merge rules, highest priority first, in byte-level spelling.</param>
    /// <param name="lowercase">Lower-case sentences before encoding.</param>
    public BpeSentenceTokenizer(IEnumerable<string> symbols, IReadOnlyList<(string Left, string Right)> merges, bool lowercase)
    {
        _tokens = [.. SpecialTokens.Texts, .. symbols];
        Merges = merges;
        Lowercase = lowercase;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < _tokens.Length; id++)
        {
            if (!vocabulary.TryAdd(_tokens[id], id))
                throw new ArgumentException($"'{_tokens[id]}' appears twice in the vocabulary");
        }
        _bpe = BpeTokenizer.Create(new BpeOptions(vocabulary)
        {
            Merges = merges.Select(merge => $"{merge.Left} {merge.Right}"),
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(PreTokenPattern(), null),
            Normalizer = new SentenceNormalizer(lowercase),
        });
    }

    /// <summary>
    /// GPT-2's pre-tokenisation (a word keeps its leading space, so decoding restores spacing) with combining
    /// marks kept inside words, so Devanagari or decomposed Latin is not cut into letter and accent.
    /// </summary>
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?[\p{L}\p{M}]+| ?\p{N}+| ?[^\s\p{L}\p{M}\p{N}]+|\s+(?!\S)|\s+")]
    public static partial Regex PreTokenPattern();

    public TokenizerKind Kind => TokenizerKind.Bpe;

    public bool Lowercase { get; }

    public int VocabularySize => _tokens.Length;

    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>Token <paramref name="id"/> as <c>vocab.json</c> spells it (byte-level alphabet; the special tokens as text).</summary>
    public string TokenSpelling(int id) => _tokens[id];

    public IReadOnlyList<int> Encode(string sentence) => _bpe.EncodeToIds(sentence);

    /// <summary>
    /// The tokens of <paramref name="text"/> exactly as written: no NFC and no lower-casing, so the tokens' bytes
    /// (<see cref="TokenBytes"/>) concatenate to the text's UTF-8, which lossless compression needs.
    /// </summary>
    public IReadOnlyList<int> EncodeVerbatim(string text) =>
        _bpe.EncodeToIds(text, considerPreTokenization: true, considerNormalization: false);

    /// <summary>The bytes token <paramref name="id"/> stands for; empty for the special tokens.</summary>
    public byte[] TokenBytes(int id) =>
        id < SpecialTokens.Count ? [] : ByteLevelAlphabet.Unspell(_tokens[id])
            ?? throw new TextVaeException($"BPE token {id} ('{_tokens[id]}') is not spelled in the byte-level alphabet");

    public string Decode(IEnumerable<int> ids) =>
        _bpe.Decode(ids.Where(id => id is not (SpecialTokens.Pad or SpecialTokens.Bos or SpecialTokens.Eos)));

    /// <summary>The token's text; a token that ends inside a multi-byte character shows U+FFFD for the partial bytes.</summary>
    public string TokenText(int id) => id < SpecialTokens.Count ? SpecialTokens.Texts[id] : _bpe.Decode([id]);

    public IReadOnlyDictionary<string, byte[]> ExportFiles()
    {
        var vocabulary = new MemoryStream();
        using (var json = new Utf8JsonWriter(vocabulary, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            for (var id = 0; id < _tokens.Length; id++)
                json.WriteNumber(_tokens[id], id);
            json.WriteEndObject();
        }
        var merges = new StringBuilder(MergesHeader).Append('\n');
        foreach (var (left, right) in Merges)
            merges.Append(left).Append(' ').Append(right).Append('\n');
        return new Dictionary<string, byte[]>
        {
            [TokenizerFiles.ManifestFile] = new TokenizerManifest(Kind, Lowercase, VocabularySize).ToJson(),
            [VocabularyFile] = vocabulary.ToArray(),
            [MergesFile] = Encoding.UTF8.GetBytes(merges.ToString()),
        };
    }

    internal static BpeSentenceTokenizer FromFiles(TokenizerManifest manifest, IReadOnlyDictionary<string, byte[]> files, string source)
    {
        var tokens = ReadVocabulary(TokenizerFiles.Require(files, VocabularyFile, source), source);
        TokenizerFiles.CheckSpecialTokens(tokens, $"{source}: {VocabularyFile}");
        manifest.CheckVocabularySize(tokens.Length, source);
        var merges = new List<(string, string)>();
        var lines = Encoding.UTF8.GetString(TokenizerFiles.Require(files, MergesFile, source)).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || (i == 0 && lines[i].StartsWith("#version", StringComparison.Ordinal)))
                continue;
            var parts = lines[i].Split(' ');
            if (parts.Length != 2)
                throw new TextVaeException($"{source}: {MergesFile} line {i + 1} is not two symbols separated by one space");
            merges.Add((parts[0], parts[1]));
        }
        try
        {
            return new BpeSentenceTokenizer(tokens.Skip(SpecialTokens.Count), merges, manifest.Lowercase);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new TextVaeException($"{source}: the BPE files do not load: {e.Message}", e);
        }
    }

    private static string[] ReadVocabulary(byte[] json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var entries = document.RootElement.EnumerateObject().Select(p => (Token: p.Name, Id: p.Value.GetInt32())).ToList();
            var tokens = new string[entries.Count];
            foreach (var (token, id) in entries)
            {
                if (id < 0 || id >= tokens.Length || tokens[id] is not null)
                    throw new TextVaeException($"{source}: {VocabularyFile} ids must be 0 to {tokens.Length - 1}, each once (bad id {id} for '{token}')");
                tokens[id] = token;
            }
            return tokens;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new TextVaeException($"{source}: {VocabularyFile} is not a JSON object of token ids: {e.Message}", e);
        }
    }
}
