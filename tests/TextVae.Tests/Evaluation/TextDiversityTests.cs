using TextVae.Data;
using TextVae.Evaluation;
using TextVae.Tokenization;

namespace TextVae.Tests.Evaluation;

public class TextDiversityTests
{
    [Fact]
    public void Distinct_n_counts_unique_ngrams_over_all_ngrams()
    {
        string[][] samples = [["a", "b", "a"], ["a", "c"]];

        Assert.Equal(3.0 / 5, TextDiversity.Distinct(samples, 1), 12);
        Assert.Equal(1.0, TextDiversity.Distinct(samples, 2), 12);
    }

    [Fact]
    public void Self_bleu_is_100_for_copies_and_low_for_unrelated_sentences()
    {
        string[] sentence = ["he", "went", "to", "the", "old", "house"];
        Assert.Equal(100, TextDiversity.SelfBleu([sentence, sentence, sentence]), 9);

        var unrelated = TextDiversity.SelfBleu([["a", "b", "c", "d"], ["e", "f", "g", "h"], ["i", "j", "k", "l"]]);
        Assert.True(unrelated < 5, $"self-BLEU of unrelated sentences was {unrelated}");
    }

    [Fact]
    public void Novelty_is_the_share_of_samples_not_in_the_training_set()
    {
        using var directory = new TemporaryDirectory();
        var tokenizer = new WordTokenizer(["the", "dog", "barked", ".", "it", "rained", "a", "cat", "slept", "snowed"], lowercase: false);
        var training = new TrainingCorpusIndex(directory.Write("train.txt", "the dog barked .", "it rained ."), tokenizer);

        Assert.Equal(2.0 / 3, TextDiversity.Novelty(["the dog barked .", "a cat slept .", "it snowed ."], training), 12);
    }

    [Fact]
    public void Self_bleu_scores_sentences_shorter_than_four_tokens()
    {
        // NLTK's method1 on two identical 2-token sentences: precisions 1, 1, 0.1/1, 0.1/1 (the denominator is at least 1).
        Assert.Equal(100 * Math.Sqrt(0.1), TextDiversity.SelfBleu([["a", "b"], ["a", "b"]]), 9);
    }
}
