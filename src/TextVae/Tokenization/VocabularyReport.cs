using TextVae.Corpora;


namespace TextVae.Tokenization;

/// <summary>What a vocabulary covers of the corpus it was built from.</summary>
/// <param name="CorpusTokens">Tokens of the encoded corpus.</param>
/// <param name="UnknownTokens">Of those, <c>&lt;unk&gt;</c>.</param>
/// <param name="LongestTokens">The longest token spellings, longest first.</param>
public sealed record VocabularyReport(
    TokenizerKind Kind,
    int VocabularySize,
    CorpusLineStatistics Lines,
    long CorpusTokens,
    long UnknownTokens,
    IReadOnlyList<string> LongestTokens,
    TimeSpan TrainingTime)
{
    /// <summary>Share of corpus tokens that are not <c>&lt;unk&gt;</c>.</summary>
    public double Coverage => CorpusTokens == 0 ? 0 : 1.0 - (double)UnknownTokens / CorpusTokens;
}
