namespace TextVae.Evaluation;

/// <summary>Counts of the 1..4-grams of a token sequence (BLEU's orders), keyed by the n-gram's tokens joined with spaces.</summary>
public sealed class NgramCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, int>> Entries => _counts;

    public int Count(string ngram) => _counts.GetValueOrDefault(ngram);

    public const int MaxOrder = 4;

    public static NgramCounts Of(string[] tokens)
    {
        var result = new NgramCounts();
        for (var n = 1; n <= MaxOrder; n++)
            for (var start = 0; start + n <= tokens.Length; start++)
            {
                var key = string.Join(' ', tokens, start, n);
                result._counts[key] = result._counts.GetValueOrDefault(key) + 1;
            }
        return result;
    }
}
