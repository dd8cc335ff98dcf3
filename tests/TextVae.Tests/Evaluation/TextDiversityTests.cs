using TextVae.Evaluation;

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
        var training = new HashSet<string> { "the dog barked .", "it rained ." };

        Assert.Equal(2.0 / 3, TextDiversity.Novelty(["the dog barked .", "a cat slept .", "it snowed ."], training), 12);
    }
}
