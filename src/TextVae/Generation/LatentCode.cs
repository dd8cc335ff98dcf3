namespace TextVae.Generation;

/// <summary>A sentence's posterior q(z|x) = N(Mean, diag Variance).</summary>
public sealed record LatentCode(SentenceInput Input, float[] Mean, float[] Variance);
