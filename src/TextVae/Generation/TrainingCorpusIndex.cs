using TextVae.Tokenization;
using TextVae.Corpora;

namespace TextVae.Generation;

/// <summary>
/// The training corpus as the set of its sentences in the tokenizer's spelling (decode of encode), so a generated
/// sentence is compared as the model would write it. Read on first use, since only some commands need it.
/// </summary>
public sealed class TrainingCorpusIndex
{
    private readonly Lazy<HashSet<string>> _sentences;

    public TrainingCorpusIndex(string? path, ISentenceTokenizer tokenizer)
    {
        Path = path is not null && File.Exists(path) ? path : null;
        _sentences = new Lazy<HashSet<string>>(() => Read(Path!, tokenizer));
    }

    /// <summary>The corpus file, or null when the checkpoint names none or it is not on this machine.</summary>
    public string? Path { get; }

    /// <summary>Whether <paramref name="text"/> (decoded model output) is a corpus sentence; null when the corpus is unavailable.</summary>
    public bool? Contains(string text) => Path is null ? null : _sentences.Value.Contains(text);

    private static HashSet<string> Read(string path, ISentenceTokenizer tokenizer) =>
        new CorpusReader(path).ReadLines().Select(line => tokenizer.Decode(tokenizer.Encode(line.Text))).ToHashSet(StringComparer.Ordinal);
}
