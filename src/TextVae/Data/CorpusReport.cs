using TextVae.Corpora;

namespace TextVae.Data;

/// <summary>What <see cref="EncodedCorpus.Load"/> kept of a corpus, and why it left out or changed the rest.</summary>
/// <param name="Truncated">Sentences cut to <see cref="DataOptions.MaxLength"/> tokens (kept).</param>
/// <param name="TooShort">Sentences under <see cref="DataOptions.MinLength"/> tokens (dropped).</param>
/// <param name="Duplicates">Repeated sentences (dropped with <see cref="DataOptions.Deduplicate"/>).</param>
/// <param name="AllUnknown">Sentences made only of <c>&lt;unk&gt;</c> (kept: they are data).</param>
/// <param name="Tokens">Tokens of the kept sentences, without <c>&lt;bos&gt;</c>/<c>&lt;eos&gt;</c>.</param>
public sealed record CorpusReport(
    string Path,
    CorpusLineStatistics Lines,
    int Sentences,
    long Truncated,
    long TooShort,
    long Duplicates,
    long AllUnknown,
    long Tokens,
    long UnknownTokens,
    int LongestSentence)
{
    public double MeanLength => Sentences == 0 ? 0 : (double)Tokens / Sentences;

    /// <summary>One line for logs: what was kept and what was cut, dropped or skipped.</summary>
    public string Describe() =>
        $"{Sentences:N0} sentences, {Tokens:N0} tokens ({UnknownTokens:N0} <unk>), mean length {MeanLength:F1}; " +
        $"{Truncated:N0} truncated, {TooShort:N0} too short, {Duplicates:N0} duplicates dropped, {AllUnknown:N0} all-<unk> kept, " +
        $"{Lines.EmptyLines:N0} empty and {Lines.InvalidLines:N0} invalid UTF-8 lines skipped";
}
