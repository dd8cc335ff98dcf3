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
