namespace TextVae.Evaluation;

/// <summary>Sentences whose importance-weighted NLL is done, out of all, reported after each batch.</summary>
public readonly record struct ScoringProgress(int Sentences, int Total);
