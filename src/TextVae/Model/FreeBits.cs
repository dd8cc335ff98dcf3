using static TorchSharp.torch;

namespace TextVae.Model;

/// <summary>
/// The KL term that training minimises, floored by free bits so that no gradient pushes the KL below the floor.
/// Per dimension over the batch (Kingma et al. 2016): Σ_d max(λ, mean_x KL_d). Per sentence (Li et al. 2019's
/// thresholding): mean_x max(T, Σ_d KL_d(x)). Without a floor: the batch-mean KL.
/// </summary>
public static class FreeBits
{
    /// <param name="klPerSentenceAndDimension">[batch, latent] KL(q(z|x) ‖ p(z)) of each sentence and dimension.</param>
    /// <returns>A scalar, nats per sentence.</returns>
    public static Tensor KlTerm(Tensor klPerSentenceAndDimension, ObjectiveOptions objective)
    {
        if (objective.FreeBitsPerSentence > 0)
            return klPerSentenceAndDimension.sum(1).clamp_min(objective.FreeBitsPerSentence).mean(); // floor each sentence's total
        var perDimension = klPerSentenceAndDimension.mean([0]); // [latent]
        return objective.FreeBits > 0 ? perDimension.clamp_min(objective.FreeBits).sum() : perDimension.sum();
    }
}
