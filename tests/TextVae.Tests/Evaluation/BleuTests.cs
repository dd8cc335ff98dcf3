using TextVae.Evaluation;

namespace TextVae.Tests.Evaluation;

public class BleuTests
{
    private static string[] T(string sentence) => sentence.Split(' ');

    [Fact]
    public void An_exact_copy_scores_100()
    {
        Assert.Equal(100, Bleu.Corpus([T("the cat sat on the mat")], [[T("the cat sat on the mat")]]), 9);
    }

    [Fact]
    public void Clipped_precisions_worked_out_by_hand()
    {
        // Unigrams 5/6 (two "the" clipped to two), bigrams 3/5, trigrams 1/4, 4-grams 0/3 → ε = 0.1 in sentence BLEU.
        var expected = 100 * Math.Exp((Math.Log(5.0 / 6) + Math.Log(3.0 / 5) + Math.Log(1.0 / 4) + Math.Log(0.1 / 3)) / 4);

        Assert.Equal(expected, Bleu.Sentence(T("the cat sat on the mat"), [T("the cat is on the mat")]), 9);
        Assert.Equal(0, Bleu.Corpus([T("the cat sat on the mat")], [[T("the cat is on the mat")]]));
    }

    [Theory]
    // Expected values from NLTK's sentence_bleu(references, hypothesis, smoothing_function=SmoothingFunction().method1).
    [InlineData("the cat", new[] { "the cat sat" }, 19.180183554164504)]
    [InlineData("the dog ran", new[] { "a dog ran home", "the dog" }, 31.6227766016838)]
    [InlineData("the", new[] { "the cat" }, 6.541924356118012)]
    [InlineData("the cat sat on the mat", new[] { "the cat is on the mat" }, 25.406637407730737)]
    [InlineData("a b", new[] { "x y" }, 0)]
    public void Sentence_bleu_is_nltk_method1_including_hypotheses_shorter_than_four_tokens(string hypothesis, string[] references, double nltk)
    {
        Assert.Equal(nltk, Bleu.Sentence(T(hypothesis), references.Select(T).ToArray()), 9);
    }

    [Fact]
    public void A_short_hypothesis_pays_the_brevity_penalty()
    {
        Assert.Equal(100 * Math.Exp(1 - 6.0 / 4), Bleu.Corpus([T("the cat sat on")], [[T("the cat sat on the mat")]]), 9);
    }

    [Fact]
    public void Counts_are_clipped_by_the_most_generous_reference()
    {
        var single = Bleu.Sentence(T("the the the the"), [T("the cat")]);
        var both = Bleu.Sentence(T("the the the the"), [T("the cat"), T("the the dog")]);

        Assert.True(both > single);
    }
}
