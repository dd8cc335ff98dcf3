namespace TextVae.Data;

/// <summary>
/// The kept sentences of one block of consecutive lines, in file order. Its <see cref="Batches"/> depend on the
/// block alone, never on which process or shard reads it, so results computed per batch are the same everywhere.
/// </summary>
public sealed record CorpusBlock(long Index, IReadOnlyList<NumberedSentence> Sentences)
{
    /// <summary>The block's sentences sorted by length (ties in file order) and cut into batches: little padding, fixed composition.</summary>
    public IEnumerable<NumberedSentence[]> Batches(int batchSize) =>
        Sentences.OrderBy(sentence => sentence.Ids.Length).ThenBy(sentence => sentence.Line).Chunk(batchSize);
}
