using TextVae.Runtime;
using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace TextVae.Model;

/// <summary>
/// The diagonal Gaussian posterior q(z|x) = N(μ, diag σ²) from the encoder's summary, its reparameterised sample
/// z = μ + σ·ε, and the analytic KL to the prior N(0, I). With BN-VAE (Zhu et al. 2020) μ is batch-normalised,
/// scaled by a fixed γ and shifted by a learned β, so over a batch each dimension's mean of μ² is at least γ².
/// </summary>
public sealed class GaussianLatent : Module<Tensor, (Tensor Mu, Tensor LogVar)>
{
    private readonly Modules.Linear mean;
    private readonly Modules.Linear logVariance;
    private readonly Modules.BatchNorm1d? meanNorm;
    private readonly Modules.Parameter? meanShift;
    private readonly double _meanScale;

    /// <param name="batchNormScale">BN-VAE's γ; 0 leaves μ as the linear head gives it.</param>
    public GaussianLatent(long inputSize, long latentSize, double batchNormScale = 0) : base(nameof(GaussianLatent))
    {
        mean = Linear(inputSize, latentSize);
        logVariance = Linear(inputSize, latentSize);
        _meanScale = batchNormScale;
        if (batchNormScale > 0)
        {
            meanNorm = BatchNorm1d(latentSize, affine: false);
            meanShift = Parameter(zeros(latentSize));
        }
        RegisterComponents();
    }

    /// <param name="summary">[batch, input]</param>
    /// <returns>μ and log σ², each [batch, latent].</returns>
    public override (Tensor Mu, Tensor LogVar) forward(Tensor summary) => (Normalised(mean.call(summary)), logVariance.call(summary));

    /// <summary>
    /// BN-VAE's μ. A training batch of one sentence has no batch statistics, so it is normalised with the running
    /// ones, as evaluation is.
    /// </summary>
    private Tensor Normalised(Tensor mu)
    {
        if (meanNorm is null)
            return mu;
        var normalised = training && mu.shape[0] > 1
            ? meanNorm.call(mu)
            : batch_norm(mu, meanNorm.running_mean!, meanNorm.running_var!, training: false); // [batch, latent]
        return _meanScale * normalised + meanShift!;
    }

    public static Tensor Reparameterize(Tensor mu, Tensor logVar, Generator? generator = null) =>
        mu + (0.5 * logVar).exp() * SeededRandom.Normal(mu.shape, mu.device, generator, mu.dtype);

    /// <summary>KL(q(z|x) ‖ N(0, I)) per sentence and dimension: −½(1 + log σ² − μ² − σ²). Shape [batch, latent].</summary>
    public static Tensor KlPerDimension(Tensor mu, Tensor logVar) =>
        -0.5 * (1 + logVar - mu.pow(2) - logVar.exp());
}
