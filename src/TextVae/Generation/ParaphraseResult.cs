namespace TextVae.Generation;

/// <param name="Candidates">Sentences decoded, before duplicates, empty sentences and the input were dropped.</param>
/// <param name="Paraphrases">Distinct paraphrases, best first by <paramref name="Ranking"/>.</param>
public sealed record ParaphraseResult(SentenceInput Input, int Candidates, double Radius, ParaphraseRanking Ranking, IReadOnlyList<ParaphraseCandidate> Paraphrases);
