namespace TextVae.Tokenization;

/// <summary>How <see cref="VocabularyBuilder"/> makes a tokenizer from a corpus.</summary>
/// <param name="Size">Tokens in the vocabulary, the special tokens included.</param>
/// <param name="MinCount">Words (word) or symbol pairs (bpe) seen fewer times stay out of the vocabulary.</param>
/// <param name="Lowercase">Lower-case the corpus and every later input.</param>
/// <param name="Strict">Stop at a line with invalid UTF-8 instead of skipping it.</param>
public sealed record VocabularyOptions(TokenizerKind Kind, int Size, int MinCount = 2, bool Lowercase = false, bool Strict = false)
{
    public ITokenizerTrainer CreateTrainer()
    {
        if (Size <= SpecialTokens.Count)
            throw new InvalidParameterException("size", $"must be larger than {SpecialTokens.Count} (the special tokens), not {Size}");
        if (MinCount < 1)
            throw new InvalidParameterException("minCount", $"must be at least 1, not {MinCount}");
        return Kind switch
        {
            TokenizerKind.Word => new WordTokenizerTrainer(Size, MinCount, Lowercase),
            TokenizerKind.Bpe => new BpeTokenizerTrainer(Size, MinCount, Lowercase),
            _ => throw ConfigCheck.Undefined(Kind, "kind"),
        };
    }
}
