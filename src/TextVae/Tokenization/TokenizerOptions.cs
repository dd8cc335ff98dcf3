
namespace TextVae.Tokenization;

/// <summary>The <c>tokenizer</c> section: use a vocabulary folder made by <c>textvae vocab build</c>, or build one from the training corpus.</summary>
public sealed record TokenizerOptions
{
    /// <summary>A folder with a saved tokenizer; when set, the other fields are ignored.</summary>
    public string? Path { get; init; }

    public TokenizerKind Kind { get; init; } = TokenizerKind.Word;

    /// <summary>Vocabulary size including the special tokens.</summary>
    public int Size { get; init; } = 10_000;

    /// <summary>Word vocabularies: words seen fewer times become <c>&lt;unk&gt;</c>.</summary>
    public int MinCount { get; init; } = 1;

    public bool Lowercase { get; init; }

    public void Validate()
    {
        if (Path is not null)
            return;
        ConfigCheck.Defined(Kind, "tokenizer.kind");
        ConfigCheck.Positive(Size - SpecialTokens.Count, "tokenizer.size (beyond the 4 special tokens)");
        ConfigCheck.Positive(MinCount, "tokenizer.minCount");
    }
}
