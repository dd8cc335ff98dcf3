namespace TextVae.Corpora;

/// <summary>What <see cref="CorpusReader"/> found in a file: lines read, and those it skipped as empty or invalid UTF-8.</summary>
/// <param name="InvalidLineNumbers">The first <see cref="CorpusReader.ListedInvalidLines"/> invalid lines, 1-based.</param>
public sealed record CorpusLineStatistics(long Lines, long UsableLines, long EmptyLines, long InvalidLines, IReadOnlyList<long> InvalidLineNumbers);
