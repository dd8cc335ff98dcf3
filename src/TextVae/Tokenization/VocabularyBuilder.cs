using System.Diagnostics;
using TextVae.Corpora;

namespace TextVae.Tokenization;

/// <summary>Builds a tokenizer from a corpus file (streamed twice: once to learn, once to measure coverage).</summary>
public static class VocabularyBuilder
{
    public const int ListedLongestTokens = 10;

    public static (ISentenceTokenizer Tokenizer, VocabularyReport Report) Build(string corpusPath, VocabularyOptions options)
    {
        var trainer = options.CreateTrainer();
        var reader = new CorpusReader(corpusPath, options.Strict);
        var clock = Stopwatch.StartNew();
        foreach (var line in reader.ReadLines())
            trainer.Add(line.Text);
        var tokenizer = trainer.Train();
        if (tokenizer.VocabularySize <= SpecialTokens.Count)
            throw new TextVaeException($"{corpusPath}: no word occurs at least {options.MinCount} time(s), so the vocabulary would hold only the special tokens");
        var trainingTime = clock.Elapsed;

        long tokens = 0, unknown = 0;
        foreach (var line in new CorpusReader(corpusPath, options.Strict).ReadLines())
        {
            foreach (var id in tokenizer.Encode(line.Text))
            {
                tokens++;
                if (id == SpecialTokens.Unk)
                    unknown++;
            }
        }
        var longest = Enumerable.Range(SpecialTokens.Count, tokenizer.VocabularySize - SpecialTokens.Count)
            .Select(tokenizer.TokenText)
            .OrderByDescending(text => text.Length)
            .ThenBy(text => text, StringComparer.Ordinal)
            .Take(ListedLongestTokens)
            .ToArray();
        var report = new VocabularyReport(tokenizer.Kind, tokenizer.VocabularySize, reader.Statistics, tokens, unknown, longest, trainingTime);
        return (tokenizer, report);
    }
}
