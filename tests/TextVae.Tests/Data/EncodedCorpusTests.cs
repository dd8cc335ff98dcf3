using TextVae.Data;
using TextVae.Tokenization;

namespace TextVae.Tests.Data;

public class EncodedCorpusTests
{
    private static readonly WordTokenizer Tokenizer = new(["a", "b", "c", "d", "e"], lowercase: false);

    [Fact]
    public void Truncates_long_sentences_drops_short_ones_and_counts_both()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("c.txt", "a b c d e", "a", "a b", "b c d");

        var corpus = EncodedCorpus.Load(path, Tokenizer, new DataOptions { MaxLength = 3, MinLength = 2 });

        Assert.Equal([[4, 5, 6], [4, 5], [5, 6, 7]], corpus.Sentences);
        Assert.Equal(1, corpus.Report.Truncated);
        Assert.Equal(1, corpus.Report.TooShort);
        Assert.Equal(3, corpus.Report.Sentences);
        Assert.Equal(8, corpus.Report.Tokens);
        Assert.Equal(3, corpus.Report.LongestSentence);
    }

    [Fact]
    public void Loading_whole_keeps_every_sentence_as_written_and_leaves_out_only_those_over_a_model_limit()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("c.txt", "a b c d e", "a", "a b", "a b", "b c d e a b");

        var whole = EncodedCorpus.LoadWhole(path, Tokenizer, strict: false, longestSentence: null);
        var limited = EncodedCorpus.LoadWhole(path, Tokenizer, strict: false, longestSentence: 5);

        Assert.Equal([[4, 5, 6, 7, 8], [4], [4, 5], [4, 5], [5, 6, 7, 8, 4, 5]], whole.Sentences);
        Assert.Equal((0L, 0L, 0L, 0L), (whole.Report.Truncated, whole.Report.TooShort, whole.Report.Duplicates, whole.Report.TooLong));
        Assert.Equal([1L, 2, 3, 4], limited.LineNumbers);
        Assert.Equal(1, limited.Report.TooLong);
        Assert.Contains("1 longer than the model's limit of 5 tokens left out", limited.Report.Describe());
        var error = Assert.Throws<TextVaeException>(() => EncodedCorpus.LoadWhole(path, Tokenizer, strict: false, longestSentence: 0));
        Assert.Contains("5 longer than the model's limit of 0 tokens", error.Message);
    }

    [Fact]
    public void Deduplicates_on_request()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("c.txt", "a b", "b a", "a  b", "a b");

        Assert.Equal(4, EncodedCorpus.Load(path, Tokenizer, new DataOptions()).Sentences.Count);
        var deduplicated = EncodedCorpus.Load(path, Tokenizer, new DataOptions { Deduplicate = true });
        Assert.Equal([[4, 5], [5, 4]], deduplicated.Sentences);
        Assert.Equal(2, deduplicated.Report.Duplicates);
    }

    [Fact]
    public void Keeps_and_counts_sentences_made_only_of_unknown_words()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("c.txt", "x y z", "a x", "q");

        var corpus = EncodedCorpus.Load(path, Tokenizer, new DataOptions());

        Assert.Equal(3, corpus.Sentences.Count);
        Assert.Equal(2, corpus.Report.AllUnknown);
        Assert.Equal(5, corpus.Report.UnknownTokens);
    }

    [Fact]
    public void No_sentence_left_is_an_error_naming_the_file()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("short.txt", "a", "b");

        var error = Assert.ThrowsAny<TextVaeException>(() => EncodedCorpus.Load(path, Tokenizer, new DataOptions { MinLength = 2 }));

        Assert.StartsWith($"{path}: no usable sentence", error.Message);
    }
}
