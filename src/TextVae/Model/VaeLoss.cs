using static TorchSharp.torch;

namespace TextVae.Model;

/// <summary>
/// The terms of one batch's objective, each a scalar tensor averaged over sentences (nats per sentence).
/// <see cref="Loss"/> is what is minimised: reconstruction + weight × <see cref="KlTerm"/>, the KL as free bits floor
/// it; <see cref="Kl"/> is always the true KL.
/// </summary>
/// <param name="KlPerDimension">[latent] the batch-mean KL of each latent dimension.</param>
public sealed record VaeLoss(Tensor Loss, Tensor Reconstruction, Tensor Kl, Tensor KlTerm, Tensor KlPerDimension);
