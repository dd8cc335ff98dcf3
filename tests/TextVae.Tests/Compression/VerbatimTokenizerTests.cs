using System.Text;
using TextVae.Compression;
using TextVae.Tokenization;

namespace TextVae.Tests.Compression;

public sealed class VerbatimTokenizerTests
{
    private static VerbatimTokenizer Brown() => new(TokenizerFiles.Load(RepositoryFiles.Get("vocab/brown-bpe-8k")));

    [Theory]
    [InlineData("The jury said it did find that .")]
    [InlineData("Ko\u0308ln ≠ Köln, ÄRGER, \t\r  trailing  ")]
    [InlineData("👨‍👩‍👧 🇩🇪 日本語のテキスト")]
    public void Text_round_trips_exactly_without_normalisation(string text)
    {
        var tokenizer = Brown();
        var bytes = Encoding.UTF8.GetBytes(text);
        var ids = tokenizer.Encode(bytes);
        Assert.Equal(bytes, tokenizer.Decode(ids));
        Assert.DoesNotContain(ids, id => id < SpecialTokens.Count);
    }

    [Fact]
    public void Known_words_become_few_tokens()
    {
        var ids = Brown().Encode("The jury said it did find that ."u8);
        Assert.InRange(ids.Count, 7, 10);
    }

    [Fact]
    public void Any_byte_string_round_trips()
    {
        var tokenizer = Brown();
        var random = new Random(9);
        for (var trial = 0; trial < 50; trial++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            Assert.Equal(bytes, tokenizer.Decode(tokenizer.Encode(bytes)));
        }
        byte[] hostile = [0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xC3, .. "ab"u8, 0xE2, 0x82];
        Assert.Equal(hostile, tokenizer.Decode(tokenizer.Encode(hostile)));
    }

    [Fact]
    public void A_word_tokenizer_is_refused_with_the_models_that_can_compress()
    {
        var error = Assert.Throws<UnsupportedTokenizerException>(() => new VerbatimTokenizer(TokenizerFiles.Load(RepositoryFiles.Get("vocab/default-word"))));
        Assert.Contains("word tokenizer cannot reproduce arbitrary bytes", error.Message);
        Assert.Contains("byte-level BPE", error.Message);
    }
}
