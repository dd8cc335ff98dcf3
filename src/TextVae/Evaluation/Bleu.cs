namespace TextVae.Evaluation;

/// <summary>
/// BLEU (Papineni et al. 2002) on whitespace tokens, on a 0–100 scale: uniform weights over 1..4-grams, clipped
/// counts against the reference(s), brevity penalty with the closest reference length.
/// <see cref="Corpus"/> is unsmoothed, with statistics summed over the corpus, as multi-bleu.perl and sacreBLEU compute
/// it. <see cref="Sentence"/> is NLTK's <c>sentence_bleu</c> with <c>SmoothingFunction().method1</c> (Chen and Cherry
/// 2014, method 1), as the self-BLEU literature uses it: an order with no match counts ε = 0.1 matches, each order's
/// denominator is at least 1 (so a hypothesis shorter than 4 tokens is still scored), and no unigram match scores 0.
/// </summary>
public static class Bleu
{
    private const int MaxOrder = NgramCounts.MaxOrder;
    private const double Epsilon = 0.1;

    /// <summary>Corpus BLEU: statistics summed over all sentence pairs before the geometric mean.</summary>
    public static double Corpus(IReadOnlyList<string[]> hypotheses, IReadOnlyList<string[][]> references)
    {
        if (hypotheses.Count != references.Count)
            throw new ArgumentException("one list of references is needed per hypothesis");
        var total = new Statistics();
        for (var i = 0; i < hypotheses.Count; i++)
            total.Add(Statistics.Of(hypotheses[i], references[i].Select(NgramCounts.Of).ToArray(), references[i].Select(r => r.Length).ToArray()));
        return total.Score(smooth: false);
    }

    /// <summary>Smoothed BLEU of one sentence against its references.</summary>
    public static double Sentence(string[] hypothesis, string[][] references) =>
        Statistics.Of(hypothesis, references.Select(NgramCounts.Of).ToArray(), references.Select(r => r.Length).ToArray()).Score(smooth: true);

    /// <summary>Sentence BLEU with references given as precomputed counts, for self-BLEU's many comparisons.</summary>
    internal static double Sentence(string[] hypothesis, NgramCounts[] references, int[] referenceLengths) =>
        Statistics.Of(hypothesis, references, referenceLengths).Score(smooth: true);

    private sealed class Statistics
    {
        private readonly long[] _matches = new long[MaxOrder];
        private readonly long[] _totals = new long[MaxOrder];
        private long _hypothesisLength;
        private long _referenceLength;

        public static Statistics Of(string[] hypothesis, NgramCounts[] references, int[] referenceLengths)
        {
            var statistics = new Statistics { _hypothesisLength = hypothesis.Length, _referenceLength = ClosestLength(hypothesis.Length, referenceLengths) };
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

        public void Add(Statistics other)
        {
            for (var n = 0; n < MaxOrder; n++)
            {
                _matches[n] += other._matches[n];
                _totals[n] += other._totals[n];
            }
            _hypothesisLength += other._hypothesisLength;
            _referenceLength += other._referenceLength;
        }

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
}
