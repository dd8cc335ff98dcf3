using TextVae.Tokenization;

namespace TextVae.Tests.Tokenization;

public class ShippedVocabularyTests
{
    private static string VocabFolder(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "vocab", name)))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException($"vocab/{name} above {AppContext.BaseDirectory}"), "vocab", name);
    }

    [Theory]
    [InlineData("brown-word-10k", TokenizerKind.Word, 10_000)]
    [InlineData("brown-bpe-8k", TokenizerKind.Bpe, 8_000)]
    [InlineData("default-word", TokenizerKind.Word, 5_000)]
    public void Loads_with_the_special_tokens_at_their_ids(string name, TokenizerKind kind, int size)
    {
        var tokenizer = TokenizerFiles.Load(VocabFolder(name));

        Assert.Equal(kind, tokenizer.Kind);
        Assert.Equal(size, tokenizer.VocabularySize);
        Assert.Equal(SpecialTokens.Texts, Enumerable.Range(0, SpecialTokens.Count).Select(tokenizer.TokenText));
        Assert.Equal("the jury said .", tokenizer.Decode(tokenizer.Encode("The jury said .")).ToLowerInvariant());
    }

    [Fact]
    public void Brown_bpe_round_trips_text_it_never_saw()
    {
        var tokenizer = TokenizerFiles.Load(VocabFolder("brown-bpe-8k"));
        const string sentence = "Schöne Grüße aus Köln , Straße 😀 日本語 .";

        Assert.Equal(sentence, tokenizer.Decode(tokenizer.Encode(sentence)));
    }
}
