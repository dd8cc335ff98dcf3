using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>
/// BLEU's sufficient statistics: clipped matches and totals per n-gram order and the two lengths. They add up over
/// sentences, so the corpus BLEU of a corpus scored in parts is exactly the BLEU of the whole.
/// </summary>
public sealed class BleuStatistics
{
    private const int MaxOrder = NgramCounts.MaxOrder;
    private const double Epsilon = 0.1;

    private readonly long[] _matches = new long[MaxOrder];
    private readonly long[] _totals = new long[MaxOrder];
    private long _hypothesisLength;
    private long _referenceLength;

    public BleuStatistics() { }

    /// <summary>Saved statistics (the four properties below), e.g. one part of a corpus scored by another process.</summary>
    [JsonConstructor]
    public BleuStatistics(long[] matches, long[] totals, long hypothesisLength, long referenceLength)
    {
        if (matches.Length != MaxOrder || totals.Length != MaxOrder)
            throw new TextVaeException($"BLEU statistics need {MaxOrder} n-gram orders (got {matches.Length} and {totals.Length})");
        matches.CopyTo(_matches, 0);
        totals.CopyTo(_totals, 0);
        _hypothesisLength = hypothesisLength;
        _referenceLength = referenceLength;
    }

    /// <summary>Clipped n-gram matches per order, 1 to 4.</summary>
    [JsonPropertyName("matches")] public long[] Matches => _matches.ToArray();

    /// <summary>Hypothesis n-grams per order.</summary>
    [JsonPropertyName("totals")] public long[] Totals => _totals.ToArray();

    [JsonPropertyName("hypothesis_length")] public long HypothesisLength => _hypothesisLength;

    [JsonPropertyName("reference_length")] public long ReferenceLength => _referenceLength;

    public static BleuStatistics Of(string[] hypothesis, NgramCounts[] references, int[] referenceLengths)
    {
        var statistics = new BleuStatistics { _hypothesisLength = hypothesis.Length, _referenceLength = ClosestLength(hypothesis.Length, referenceLengths) };
        var counts = NgramCounts.Of(hypothesis);
        foreach (var (ngram, count) in counts.Entries)
        {
            var order = ngram.Count(c => c == ' ') + 1;
            var clip = references.Length == 0 ? 0 : references.Max(reference => reference.Count(ngram));
            statistics._matches[order - 1] += Math.Min(count, clip);
        }
        for (var n = 1; n <= MaxOrder; n++)
            statistics._totals[n - 1] = Math.Max(0, hypothesis.Length - n + 1);
        return statistics;
    }

    public void Add(BleuStatistics other)
    {
        for (var n = 0; n < MaxOrder; n++)
        {
            _matches[n] += other._matches[n];
            _totals[n] += other._totals[n];
        }
        _hypothesisLength += other._hypothesisLength;
        _referenceLength += other._referenceLength;
    }

    /// <summary>The unsmoothed n-gram precisions, 1 to 4.</summary>
    public NgramPrecisions Precisions() => new(Precision(0), Precision(1), Precision(2), Precision(3));

    private double Precision(int order) => _totals[order] == 0 ? 0 : 100.0 * _matches[order] / _totals[order];

    /// <summary>exp(min(0, 1 − r/c)) for hypothesis length c and reference length r; 0 for an empty hypothesis.</summary>
    public double BrevityPenalty() =>
        _hypothesisLength == 0 ? 0 : _hypothesisLength >= _referenceLength ? 1 : Math.Exp(1 - (double)_referenceLength / _hypothesisLength);

    /// <summary>
    /// BLEU on 0–100. <paramref name="smooth"/> is NLTK's <c>SmoothingFunction().method1</c> (sentence BLEU): an order
    /// with no match counts ε = 0.1 matches and each order's denominator is at least 1; no unigram match scores 0.
    /// </summary>
    public double Score(bool smooth)
    {
        if (_hypothesisLength == 0 || _matches[0] == 0)
            return 0;
        var logPrecision = 0.0;
        for (var n = 0; n < MaxOrder; n++)
        {
            var total = smooth ? Math.Max(1, _totals[n]) : _totals[n];
            var matches = _matches[n] > 0 ? _matches[n] : smooth ? Epsilon : 0;
            if (matches == 0 || total == 0)
                return 0;
            logPrecision += Math.Log(matches / total) / MaxOrder;
        }
        var brevity = _hypothesisLength >= _referenceLength ? 0 : 1 - (double)_referenceLength / _hypothesisLength;
        return 100 * Math.Exp(brevity + logPrecision);
    }

    private static int ClosestLength(int length, int[] referenceLengths) =>
        referenceLengths.Length == 0 ? 0 : referenceLengths.OrderBy(r => Math.Abs(r - length)).ThenBy(r => r).First();
}
