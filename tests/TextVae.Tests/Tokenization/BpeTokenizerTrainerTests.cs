using TextVae.Tokenization;

namespace TextVae.Tests.Tokenization;

public class BpeTokenizerTrainerTests
{
    private static readonly string Space = ByteLevelAlphabet.Symbol((byte)' ').ToString();

    private static BpeSentenceTokenizer Train(IEnumerable<string> sentences, int size = 1000, int minPairCount = 2, bool lowercase = false)
    {
        var trainer = new BpeTokenizerTrainer(size, minPairCount, lowercase);
        foreach (var sentence in sentences)
            trainer.Add(sentence);
        return trainer.Train();
    }

    [Fact]
    public void Learns_the_merges_worked_out_by_hand()
    {
        // Pre-tokens: "low" ×1, " low" ×2, " lower", " newest", " widest" (a word keeps its leading space).
        // Counts: l·o 4, o·w 4 (tie: smaller ids, l < o), then lo·w 4, " "·low 3, e·s 2 (beats s·t 2: e < s), es·t 2;
        // every pair left occurs once, under the minimum of 2.
        var tokenizer = Train(["low low low lower newest widest"]);

        Assert.Equal([("l", "o"), ("lo", "w"), (Space, "low"), ("e", "s"), ("es", "t")], tokenizer.Merges);
        Assert.Equal(SpecialTokens.Count + 256 + 5, tokenizer.VocabularySize);
        Assert.Equal([tokenizer.VocabularySize - 3], tokenizer.Encode(" low"));
    }

    [Fact]
    public void Same_corpus_gives_identical_files_whatever_the_sentence_order()
    {
        string[] corpus = ["the cat sat on the mat .", "a dog sat on a log .", "Grüße aus Köln , the cat said .", "the mat is flat ."];
        var first = Train(corpus, size: 290, minPairCount: 1).ExportFiles();
        var second = Train(corpus.Reverse(), size: 290, minPairCount: 1).ExportFiles();

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (name, contents) in first)
            Assert.Equal(contents, second[name]);
    }

    [Fact]
    public void Stops_at_the_requested_vocabulary_size()
    {
        var tokenizer = Train(Enumerable.Repeat("abcdefghij klmnopqrst uvwxyz", 5), size: 265, minPairCount: 1);

        Assert.Equal(265, tokenizer.VocabularySize);
        Assert.Equal(5, tokenizer.Merges.Count);
    }

    [Fact]
    public void Rejects_a_size_without_room_for_the_bytes()
    {
        var error = Assert.Throws<InvalidParameterException>(() => new BpeTokenizerTrainer(100, 2, false));
        Assert.Equal("size", error.Parameter);
    }
}
