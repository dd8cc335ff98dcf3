namespace TextVae.Generation;

/// <param name="LineNumber">1-based line of the sentence in the corpus file.</param>
/// <param name="Distance">Euclidean distance between the posterior means.</param>
public sealed record Neighbour(string Text, long LineNumber, double Distance);
