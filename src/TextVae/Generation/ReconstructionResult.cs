namespace TextVae.Generation;

/// <param name="SampledPosterior">True when z was drawn from q(z|x); false when it was the posterior mean.</param>
/// <param name="Exact">The output equals the input as the model reads it.</param>
public sealed record ReconstructionResult(SentenceInput Input, GeneratedSentence Output, bool SampledPosterior, bool Exact);
