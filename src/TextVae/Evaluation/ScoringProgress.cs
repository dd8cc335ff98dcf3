namespace TextVae.Evaluation;

/// <summary>Sentences done so far, reported after each batch; <see cref="Total"/> is null while a streamed file's size in sentences is unknown.</summary>
public readonly record struct ScoringProgress(long Sentences, long? Total);
