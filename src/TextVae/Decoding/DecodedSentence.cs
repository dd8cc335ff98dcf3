namespace TextVae.Decoding;

/// <summary>A decoded token sequence (without &lt;bos&gt;/&lt;eos&gt;) and log p(tokens, &lt;eos&gt; | z) under the model, in nats.</summary>
/// <param name="Finished">False when the sentence hit the length limit before &lt;eos&gt;.</param>
public sealed record DecodedSentence(int[] Ids, double LogProbability, bool Finished);
