namespace TextVae.Generation;

/// <param name="CorpusSentences">Distinct corpus sentences compared.</param>
/// <param name="Neighbours">Nearest first.</param>
public sealed record NeighboursResult(SentenceInput Input, string Corpus, int CorpusSentences, IReadOnlyList<Neighbour> Neighbours);
