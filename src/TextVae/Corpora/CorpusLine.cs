namespace TextVae.Corpora;

/// <summary>One non-empty, validly encoded line of a corpus, with its 1-based line number in the file.</summary>
public readonly record struct CorpusLine(long Number, string Text);
