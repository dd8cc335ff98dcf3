using TextVae.Corpora;
using TextVae.Tokenization;

namespace TextVae.Data;

/// <summary>
/// The one definition of "verbatim in the training corpus", shared by the generation commands' marks and
/// <c>eval</c>'s novelty: a decoded sentence is in the corpus when it equals a whole corpus line in the tokenizer's
/// spelling (decode of encode; no length limit applied). Read on first use, since only some commands need it.
/// </summary>
public sealed class TrainingCorpusIndex
{
    private readonly Lazy<HashSet<string>> _sentences;

    public TrainingCorpusIndex(string path, ISentenceTokenizer tokenizer)
    {
        Path = path;
        _sentences = new Lazy<HashSet<string>>(() => Read(path, tokenizer));
    }

    /// <summary>An index of the corpus at <paramref name="path"/> if that file exists on this machine, else null.</summary>
    public static TrainingCorpusIndex? IfPresent(string? path, ISentenceTokenizer tokenizer) =>
        path is not null && File.Exists(path) ? new TrainingCorpusIndex(path, tokenizer) : null;

    public string Path { get; }

    /// <summary>Whether <paramref name="text"/> (decoded model output) is a whole corpus sentence.</summary>
    public bool Contains(string text) => _sentences.Value.Contains(text);

    /// <summary>Reads the corpus now, so that a missing or unreadable file is reported before long work that needs it.</summary>
    public TrainingCorpusIndex Preload()
    {
        _ = _sentences.Value;
        return this;
    }

    private static HashSet<string> Read(string path, ISentenceTokenizer tokenizer) =>
        new CorpusReader(path).ReadLines().Select(line => tokenizer.Decode(tokenizer.Encode(line.Text))).ToHashSet(StringComparer.Ordinal);
}
