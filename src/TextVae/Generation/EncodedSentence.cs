namespace TextVae.Generation;

/// <summary>A corpus sentence's posterior q(z|x) = N(Mean, diag Variance), with the line it came from.</summary>
/// <param name="Tokens">Tokens the encoder read (at most data.maxLength).</param>
/// <param name="Truncated">The sentence had more tokens than data.maxLength.</param>
/// <param name="HasUnknown">At least one token is &lt;unk&gt;.</param>
public sealed record EncodedSentence(long Line, string Text, int Tokens, bool Truncated, bool HasUnknown, float[] Mean, float[] Variance);
