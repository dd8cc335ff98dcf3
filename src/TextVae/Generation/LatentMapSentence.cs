namespace TextVae.Generation;

/// <summary>A corpus sentence on the latent map with the statistics it can be coloured by.</summary>
/// <param name="LineNumber">1-based line of the sentence in the corpus file.</param>
/// <param name="Tokens">Tokens the encoder read (at most data.maxLength).</param>
/// <param name="NllPerToken">−log p(x|μ) / (tokens + 1, for &lt;eos&gt;) in nats: how hard the sentence is to rebuild from its own code.</param>
public sealed record LatentMapSentence(string Text, long LineNumber, int Tokens, double NllPerToken);
