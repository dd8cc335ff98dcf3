namespace TextVae.Tokenization;

/// <summary>
/// Counts words and keeps the most frequent ones seen at least <c>minCount</c> times, up to a vocabulary of
/// <c>vocabularySize</c> tokens including the special tokens; equal counts are ordered by ordinal spelling.
/// </summary>
public sealed class WordTokenizerTrainer(int vocabularySize, int minCount, bool lowercase) : ITokenizerTrainer
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly SentenceNormalizer _normalizer = new(lowercase);

    public void Add(string sentence)
    {
        foreach (var word in WordTokenizer.SplitWords(_normalizer.Normalize(sentence)))
        {
            // A literal <unk> in the corpus is an unknown word already, not a vocabulary candidate.
            if (!SpecialTokens.Texts.Contains(word))
                _counts[word] = _counts.GetValueOrDefault(word) + 1;
        }
    }

    public WordTokenizer Train() => new(
        _counts.Where(entry => entry.Value >= minCount)
            .OrderByDescending(entry => entry.Value)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Take(vocabularySize - SpecialTokens.Count)
            .Select(entry => entry.Key),
        lowercase);

    ISentenceTokenizer ITokenizerTrainer.Train() => Train();
}
