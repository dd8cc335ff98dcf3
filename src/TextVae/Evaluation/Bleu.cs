namespace TextVae.Evaluation;

/// <summary>
/// BLEU (Papineni et al. 2002) on whitespace tokens, on a 0–100 scale: uniform weights over 1..4-grams, clipped
/// counts against the reference(s), brevity penalty with the closest reference length.
/// <see cref="Corpus"/> is unsmoothed, with statistics summed over the corpus, as multi-bleu.perl and sacreBLEU compute
/// it. <see cref="Sentence(string[], string[][])"/> is NLTK's <c>sentence_bleu</c> with <c>SmoothingFunction().method1</c> (Chen and Cherry
/// 2014, method 1), as the self-BLEU literature uses it: an order with no match counts ε = 0.1 matches, each order's
/// denominator is at least 1 (so a hypothesis shorter than 4 tokens is still scored), and no unigram match scores 0.
/// </summary>
public static class Bleu
{
    /// <summary>Corpus BLEU: statistics summed over all sentence pairs before the geometric mean (<see cref="BleuStatistics"/>).</summary>
    public static double Corpus(IReadOnlyList<string[]> hypotheses, IReadOnlyList<string[][]> references)
    {
        if (hypotheses.Count != references.Count)
            throw new ArgumentException("one list of references is needed per hypothesis");
        var total = new BleuStatistics();
        for (var i = 0; i < hypotheses.Count; i++)
            total.Add(BleuStatistics.Of(hypotheses[i], references[i].Select(NgramCounts.Of).ToArray(), references[i].Select(r => r.Length).ToArray()));
        return total.Score(smooth: false);
    }

    /// <summary>Smoothed BLEU of one sentence against its references.</summary>
    public static double Sentence(string[] hypothesis, string[][] references) =>
        BleuStatistics.Of(hypothesis, references.Select(NgramCounts.Of).ToArray(), references.Select(r => r.Length).ToArray()).Score(smooth: true);

    /// <summary>Sentence BLEU with references given as precomputed counts, for self-BLEU's many comparisons.</summary>
    internal static double Sentence(string[] hypothesis, NgramCounts[] references, int[] referenceLengths) =>
        BleuStatistics.Of(hypothesis, references, referenceLengths).Score(smooth: true);
}
