using System.Text;
using TextVae.Tokenization;

namespace TextVae.Tests.Tokenization;

public class BpeSentenceTokenizerTests
{
    private static readonly BpeSentenceTokenizer Tokenizer = TrainSmall(lowercase: false);

    private static BpeSentenceTokenizer TrainSmall(bool lowercase)
    {
        var trainer = new BpeTokenizerTrainer(400, 1, lowercase);
        foreach (var sentence in new[] { "The cat sat on the mat .", "Die Katze saß auf der Matte .", "Grüße aus Köln und München ." })
            trainer.Add(sentence);
        return trainer.Train();
    }

    [Theory]
    [InlineData("The cat sat on the mat .")]
    [InlineData("Über den Fluß , schöne Grüße aus Köln : Ärger , Öl , Übermaß .")]
    [InlineData("I ❤️ emoji 😀👍🏽 and 👨‍👩‍👧 families !")]
    [InlineData("Ελληνικά , русский , 日本語 , हिन्दी , العربية")]
    [InlineData("  two  spaces\tand a tab  ")]
    public void Round_trips_exactly(string sentence)
    {
        var ids = Tokenizer.Encode(sentence);

        Assert.DoesNotContain(SpecialTokens.Unk, ids);
        Assert.All(ids, id => Assert.InRange(id, SpecialTokens.Count, Tokenizer.VocabularySize - 1));
        Assert.Equal(sentence, Tokenizer.Decode(ids));
    }

    [Fact]
    public void Special_tokens_keep_their_ids_and_only_unk_is_decoded()
    {
        Assert.Equal(SpecialTokens.Texts, Enumerable.Range(0, SpecialTokens.Count).Select(Tokenizer.TokenText));
        var cat = Tokenizer.Encode("cat");

        Assert.Equal("cat", Tokenizer.Decode([SpecialTokens.Bos, .. cat, SpecialTokens.Eos, SpecialTokens.Pad]));
        Assert.Equal("cat<unk>", Tokenizer.Decode([.. cat, SpecialTokens.Unk]));
    }

    [Fact]
    public void Decomposed_input_encodes_like_precomposed()
    {
        var composed = "Grüße aus Köln";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(Tokenizer.Encode(composed), Tokenizer.Encode(decomposed));
    }

    [Fact]
    public void Lowercase_tokenizer_lowercases_its_input()
    {
        var tokenizer = TrainSmall(lowercase: true);

        Assert.Equal("grüße aus köln", tokenizer.Decode(tokenizer.Encode("GRÜßE aus KÖLN")));
    }

    [Fact]
    public void Rebuilds_from_its_exported_files()
    {
        var rebuilt = TokenizerFiles.FromFiles(Tokenizer.ExportFiles());
        var sentence = "Grüße 😀 from the mat";

        Assert.IsType<BpeSentenceTokenizer>(rebuilt);
        Assert.Equal(Tokenizer.VocabularySize, rebuilt.VocabularySize);
        Assert.Equal(Tokenizer.Encode(sentence), rebuilt.Encode(sentence));
        Assert.Equal(sentence, rebuilt.Decode(rebuilt.Encode(sentence)));
    }
}
