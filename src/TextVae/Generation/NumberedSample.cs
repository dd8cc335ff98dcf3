namespace TextVae.Generation;

/// <summary>A sentence from the prior with its 1-based number among all samples of the request (whichever shard drew it).</summary>
public sealed record NumberedSample(long Number, GeneratedSentence Sentence);
