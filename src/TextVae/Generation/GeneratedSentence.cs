namespace TextVae.Generation;

/// <summary>A decoded sentence and its score.</summary>
/// <param name="LogProbability">log p(tokens, &lt;eos&gt; | z) under the model, in nats.</param>
/// <param name="Finished">False when decoding stopped at the length limit before &lt;eos&gt;.</param>
/// <param name="InTrainingCorpus">Whether the sentence occurs verbatim in the training corpus; null when the corpus is unavailable.</param>
public sealed record GeneratedSentence(string Text, double LogProbability, bool Finished, bool? InTrainingCorpus);
