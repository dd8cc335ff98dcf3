using System.Text;

namespace TextVae.Tokenization;

/// <summary>
/// Word-level tokenizer for pre-tokenised corpora (tokens separated by whitespace), as in the sentence-VAE
/// literature: a fixed vocabulary, <c>&lt;unk&gt;</c> for every other word, <see cref="Decode"/> joins with single spaces.
/// </summary>
public sealed class WordTokenizer : ISentenceTokenizer
{
    public const string VocabularyFile = "vocab.txt";

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;
    private readonly SentenceNormalizer _normalizer;

    /// <param name="words">The vocabulary after the special tokens, in id order (ids 4, 5, …).</param>
    /// <param name="lowercase">Lower-case sentences before looking words up.</param>
    public WordTokenizer(IEnumerable<string> words, bool lowercase)
    {
        _tokens = [.. SpecialTokens.Texts, .. words];
        _normalizer = new SentenceNormalizer(lowercase);
        // Only <unk> is recognised in text (PTB writes unknown words that way); a literal <pad> is just an unknown word.
        _ids = new Dictionary<string, int>(StringComparer.Ordinal) { [SpecialTokens.UnkText] = SpecialTokens.Unk };
        for (var id = SpecialTokens.Count; id < _tokens.Length; id++)
        {
            var word = _tokens[id];
            if (word.Length == 0 || word.Any(char.IsWhiteSpace) || SpecialTokens.Texts.Contains(word))
                throw new ArgumentException($"'{word}' cannot be a word token");
            if (!_ids.TryAdd(word, id))
                throw new ArgumentException($"'{word}' appears twice in the vocabulary");
        }
    }

    public TokenizerKind Kind => TokenizerKind.Word;

    public bool Lowercase => _normalizer.Lowercase;

    public int VocabularySize => _tokens.Length;

    public IReadOnlyList<int> Encode(string sentence)
    {
        var words = SplitWords(_normalizer.Normalize(sentence));
        var ids = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
            ids[i] = _ids.GetValueOrDefault(words[i], SpecialTokens.Unk);
        return ids;
    }

    public string Decode(IEnumerable<int> ids) =>
        string.Join(' ', ids.Where(id => id is not (SpecialTokens.Pad or SpecialTokens.Bos or SpecialTokens.Eos)).Select(TokenText));

    public string TokenText(int id) => _tokens[id];

    public IReadOnlyDictionary<string, byte[]> ExportFiles() => new Dictionary<string, byte[]>
    {
        [TokenizerFiles.ManifestFile] = new TokenizerManifest(Kind, Lowercase, VocabularySize).ToJson(),
        [VocabularyFile] = Encoding.UTF8.GetBytes(string.Concat(_tokens.Select(token => token + "\n"))),
    };

    /// <summary>The words of an already normalised sentence.</summary>
    public static string[] SplitWords(string normalized) =>
        normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    internal static WordTokenizer FromFiles(TokenizerManifest manifest, IReadOnlyDictionary<string, byte[]> files, string source)
    {
        var text = Encoding.UTF8.GetString(TokenizerFiles.Require(files, VocabularyFile, source));
        var tokens = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        TokenizerFiles.CheckSpecialTokens(tokens, $"{source}: {VocabularyFile}");
        manifest.CheckVocabularySize(tokens.Length, source);
        try
        {
            return new WordTokenizer(tokens.Skip(SpecialTokens.Count), manifest.Lowercase);
        }
        catch (ArgumentException e)
        {
            throw new TextVaeException($"{source}: {VocabularyFile}: {e.Message}", e);
        }
    }
}
