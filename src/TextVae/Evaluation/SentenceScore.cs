namespace TextVae.Evaluation;

/// <summary>
/// How likely the model finds one sentence, in nats. Low-likelihood sentences are the anomalies: <see cref="IwNll"/>
/// is the score to rank by, <see cref="NllPerToken"/> the same without the length effect.
/// </summary>
/// <param name="Line">1-based line in the data file.</param>
/// <param name="Text">The line as read.</param>
/// <param name="Tokens">Target tokens: the whole sentence's tokens plus &lt;eos&gt;.</param>
/// <param name="Reconstruction">−E_q[log p(x|z)], averaged over the importance samples.</param>
/// <param name="Kl">KL(q(z|x) ‖ p(z)), in closed form.</param>
/// <param name="IwNll">−log p(x) estimated with the importance samples: an upper bound on the true NLL.</param>
/// <param name="ReconstructionAtMean">−log p(x|z = μ): the reconstruction term without sampling, deterministic, as greedy reconstruction decodes it.</param>
public sealed record SentenceScore(long Line, string Text, int Tokens, double Reconstruction, double Kl, double IwNll, double ReconstructionAtMean)
{
    public double Elbo => -(Reconstruction + Kl);
    public double NllPerToken => IwNll / Tokens;
}
