using TextVae.Runtime;
using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// The diagonal Gaussian posterior q(z|x) = N(μ, diag σ²) from the encoder's summary, its reparameterised sample
/// z = μ + σ·ε, and the analytic KL to the prior N(0, I).
/// </summary>
public sealed class GaussianLatent : Module<Tensor, (Tensor Mu, Tensor LogVar)>
{
    private readonly Modules.Linear mean;
    private readonly Modules.Linear logVariance;

    public GaussianLatent(long inputSize, long latentSize) : base(nameof(GaussianLatent))
    {
        mean = Linear(inputSize, latentSize);
        logVariance = Linear(inputSize, latentSize);
        RegisterComponents();
    }

    /// <param name="summary">[batch, input]</param>
    /// <returns>μ and log σ², each [batch, latent].</returns>
    public override (Tensor Mu, Tensor LogVar) forward(Tensor summary) => (mean.call(summary), logVariance.call(summary));

    public static Tensor Reparameterize(Tensor mu, Tensor logVar, Generator? generator = null) =>
        mu + (0.5 * logVar).exp() * SeededRandom.Normal(mu.shape, mu.device, generator, mu.dtype);

    /// <summary>KL(q(z|x) ‖ N(0, I)) per sentence and dimension: −½(1 + log σ² − μ² − σ²). Shape [batch, latent].</summary>
    public static Tensor KlPerDimension(Tensor mu, Tensor logVar) =>
        -0.5 * (1 + logVar - mu.pow(2) - logVar.exp());
}
