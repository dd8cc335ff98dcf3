namespace TextVae.Generation;

/// <param name="Score">log p(candidate | z) for the z it was decoded from (the best such z when several gave it), in nats.</param>
/// <param name="Distance">Euclidean distance between the candidate's posterior mean and the input's.</param>
public sealed record ParaphraseCandidate(string Text, double Score, double Distance, bool? InTrainingCorpus);
