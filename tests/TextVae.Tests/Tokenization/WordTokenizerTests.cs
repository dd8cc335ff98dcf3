using TextVae.Tokenization;

namespace TextVae.Tests.Tokenization;

public class WordTokenizerTests
{
    private static WordTokenizer Train(int size, int minCount, bool lowercase, params string[] sentences)
    {
        var trainer = new WordTokenizerTrainer(size, minCount, lowercase);
        foreach (var sentence in sentences)
            trainer.Add(sentence);
        return trainer.Train();
    }

    private static string[] Words(ISentenceTokenizer tokenizer) =>
        [.. Enumerable.Range(SpecialTokens.Count, tokenizer.VocabularySize - SpecialTokens.Count).Select(tokenizer.TokenText)];

    // Counts: a 5, b 3, c 3, d 2, e 1.
    private static readonly string[] Corpus = ["a a a b c", "a b c d", "a b c d e"];

    [Fact]
    public void Keeps_the_most_frequent_words_with_ties_in_ordinal_order()
    {
        Assert.Equal(["a", "b"], Words(Train(SpecialTokens.Count + 2, 1, false, Corpus)));
        Assert.Equal(["a", "b", "c", "d", "e"], Words(Train(100, 1, false, Corpus)));
    }

    [Fact]
    public void Leaves_out_words_under_the_minimum_count()
    {
        Assert.Equal(["a", "b", "c", "d"], Words(Train(100, 2, false, Corpus)));
        Assert.Equal(["a", "b", "c"], Words(Train(100, 3, false, Corpus)));
    }

    [Fact]
    public void Maps_unknown_words_to_unk_and_decodes_with_single_spaces()
    {
        var tokenizer = Train(100, 2, false, Corpus);

        var ids = tokenizer.Encode("  a   zebra\tb <unk> ");

        Assert.Equal([4, SpecialTokens.Unk, 5, SpecialTokens.Unk], ids);
        Assert.Equal("a <unk> b <unk>", tokenizer.Decode([SpecialTokens.Bos, .. ids, SpecialTokens.Eos, SpecialTokens.Pad]));
    }

    [Fact]
    public void Special_tokens_keep_their_ids_even_when_they_appear_in_the_corpus()
    {
        var tokenizer = Train(100, 1, false, "<pad> <unk> <unk> x");

        Assert.Equal(SpecialTokens.Texts, Enumerable.Range(0, SpecialTokens.Count).Select(tokenizer.TokenText));
        Assert.Equal(["x"], Words(tokenizer));
        Assert.Equal([SpecialTokens.Unk, 4], tokenizer.Encode("<pad> x"));
    }

    [Fact]
    public void Lowercases_and_composes_before_counting_and_encoding()
    {
        var tokenizer = Train(100, 1, true, "Köln KÖLN ko\u0308ln");

        Assert.Equal(["köln"], Words(tokenizer));
        Assert.Equal([4, 4], tokenizer.Encode("KO\u0308LN köln"));
    }

    [Fact]
    public void Rebuilds_from_its_exported_files()
    {
        var tokenizer = Train(100, 1, true, "Grüße aus Köln , the cat 😀 .");

        var rebuilt = TokenizerFiles.FromFiles(tokenizer.ExportFiles());

        Assert.IsType<WordTokenizer>(rebuilt);
        Assert.Equal(Words(tokenizer), Words(rebuilt));
        Assert.Equal("grüße aus köln , the cat 😀 .", rebuilt.Decode(rebuilt.Encode("Grüße aus Köln , the cat 😀 .")));
    }
}
