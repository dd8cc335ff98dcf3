using TextVae.Data;

namespace TextVae.Evaluation;

/// <summary>Diversity and originality of generated sentences (whitespace tokens).</summary>
public static class TextDiversity
{
    /// <summary>distinct-n (Li et al. 2016): distinct n-grams over all n-grams in the sample set.</summary>
    public static double Distinct(IReadOnlyList<string[]> sentences, int n)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var tokens in sentences)
            for (var start = 0; start + n <= tokens.Length; start++)
            {
                seen.Add(string.Join(' ', tokens, start, n));
                total++;
            }
        return total == 0 ? 0 : (double)seen.Count / total;
    }

    /// <summary>
    /// Self-BLEU (Zhu et al. 2018): each sentence's smoothed BLEU against all the others as references, averaged;
    /// high values mean the samples repeat each other.
    /// </summary>
    public static double SelfBleu(IReadOnlyList<string[]> sentences)
    {
        if (sentences.Count < 2)
            return 0;
        var counts = sentences.Select(NgramCounts.Of).ToArray();
        var lengths = sentences.Select(s => s.Length).ToArray();
        var sum = 0.0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var others = Enumerable.Range(0, sentences.Count).Where(j => j != i).ToArray();
            sum += Bleu.Sentence(sentences[i], others.Select(j => counts[j]).ToArray(), others.Select(j => lengths[j]).ToArray());
        }
        return sum / sentences.Count;
    }

    /// <summary>Share of samples (decoded text) that do not occur verbatim in the training corpus.</summary>
    public static double Novelty(IReadOnlyList<string> samples, TrainingCorpusIndex trainingCorpus) =>
        samples.Count == 0 ? 0 : samples.Count(s => !trainingCorpus.Contains(s)) / (double)samples.Count;
}
