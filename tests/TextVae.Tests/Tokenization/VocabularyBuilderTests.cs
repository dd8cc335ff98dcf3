using TextVae.Tokenization;

namespace TextVae.Tests.Tokenization;

public class VocabularyBuilderTests
{
    [Fact]
    public void Reports_coverage_and_longest_tokens()
    {
        using var temp = new TemporaryDirectory();
        var corpus = temp.Write("c.txt", "the cat sat", "the cat ran", "", "a hippopotamus");

        var (tokenizer, report) = VocabularyBuilder.Build(corpus, new VocabularyOptions(TokenizerKind.Word, 100, MinCount: 2));

        Assert.Equal(["cat", "the"], Enumerable.Range(4, tokenizer.VocabularySize - 4).Select(tokenizer.TokenText));
        Assert.Equal(8, report.CorpusTokens);
        Assert.Equal(4, report.UnknownTokens);
        Assert.Equal(0.5, report.Coverage);
        Assert.Equal(["cat", "the"], report.LongestTokens);
        Assert.Equal(1, report.Lines.EmptyLines);
    }

    [Fact]
    public void Byte_level_bpe_covers_everything()
    {
        using var temp = new TemporaryDirectory();
        var corpus = temp.Write("c.txt", "Grüße aus Köln", "emoji 😀 here");

        var (_, report) = VocabularyBuilder.Build(corpus, new VocabularyOptions(TokenizerKind.Bpe, 280, MinCount: 1));

        Assert.Equal(1.0, report.Coverage);
        Assert.Equal(280, report.VocabularySize);
    }

    [Fact]
    public void Unknown_kind_is_an_error_naming_the_option()
    {
        using var temp = new TemporaryDirectory();
        var corpus = temp.Write("c.txt", "x");

        Assert.Equal("kind", Assert.Throws<InvalidParameterException>(() => VocabularyBuilder.Build(corpus, new VocabularyOptions((TokenizerKind)7, 100))).Parameter);
    }
}
