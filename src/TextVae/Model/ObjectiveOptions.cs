
namespace TextVae.Model;

/// <summary>The <c>objective</c> section: the ELBO's KL weighting and the remedies against posterior collapse.</summary>
public sealed record ObjectiveOptions
{
    /// <summary>The KL weight over training steps; its <see cref="KlScheduleOptions.Beta"/> (β ≤ 1 allowed) scales every phase after pretraining.</summary>
    public KlScheduleOptions KlSchedule { get; init; } = new();

    /// <summary>Word dropout rate (Bowman et al. 2016): share of decoder input words replaced by &lt;unk&gt; in training.</summary>
    public double WordDropout { get; init; }

    /// <summary>
    /// Denoising (Shen et al. 2020): share of the encoder's input words deleted in training, the rest closing up, so
    /// that sentences a few edits apart get nearby codes; 0 turns it off. The decoder still rebuilds the whole sentence.
    /// </summary>
    public double EncoderWordDeletion { get; init; }

    /// <summary>
    /// Train a plain autoencoder: z = μ in training too, and the KL term left out of the loss (it is still measured).
    /// The reference for what the network can pass through z; not a generative model, since nothing shapes q toward the prior.
    /// </summary>
    public bool DeterministicLatent { get; init; }

    /// <summary>
    /// Free bits λ per dimension over the batch (Kingma et al. 2016), nats: each latent dimension's batch-mean KL is
    /// floored at λ, so a sentence's KL term is at least latentSize × λ on average over the batch; 0 turns it off.
    /// </summary>
    public double FreeBits { get; init; }

    /// <summary>
    /// Free bits per sentence (Li et al. 2019's KL thresholding, their <c>fb = 1</c>), nats: each sentence's total KL is
    /// floored at this target, so no gradient pushes a sentence's KL below it; 0 turns it off. A target of
    /// latentSize × λ gives the same floor as <see cref="FreeBits"/> λ when every dimension sits at its floor, but lets
    /// a sentence spend its nats on any dimensions, and no sentence can hide behind the batch mean.
    /// </summary>
    public double FreeBitsPerSentence { get; init; }

    /// <summary>
    /// Autoencoder pretraining (Li et al. 2019): the first this many optimiser steps train with KL weight 0, then the
    /// KL schedule starts from its step 0 (steps, like the schedule's own parameters; Li et al. count whole epochs).
    /// A validation that follows a pretraining step neither chooses <c>best</c> nor counts for early stopping.
    /// </summary>
    public long AutoencoderSteps { get; init; }

    /// <summary>After autoencoder pretraining, re-initialise the decoder and output layer (not the shared embedding) and the optimiser, keeping the encoder.</summary>
    public bool ResetDecoder { get; init; }

    /// <summary>
    /// Aggressive inference-network training (He et al. 2019): before each update, encoder-only updates on random
    /// batches until their loss stops falling (checked every <see cref="AggressiveCheckEvery"/> inner steps, at most
    /// <see cref="AggressiveMaxInnerSteps"/>), then a decoder-only update; it stops for good after the first epoch
    /// whose validation mutual information does not improve, and training continues normally.
    /// </summary>
    public bool Aggressive { get; init; }

    public int AggressiveMaxInnerSteps { get; init; } = 100;
    public int AggressiveCheckEvery { get; init; } = 15;

    public void Validate()
    {
        KlSchedule.Validate();
        ConfigCheck.InRange(WordDropout, 0, 1, "objective.wordDropout");
        ConfigCheck.InRange(EncoderWordDeletion, 0, 0.99, "objective.encoderWordDeletion");
        ConfigCheck.NotNegative(FreeBits, "objective.freeBits");
        ConfigCheck.NotNegative(FreeBitsPerSentence, "objective.freeBitsPerSentence");
        if (FreeBits > 0 && FreeBitsPerSentence > 0)
            throw new TextVaeException("objective.freeBits and objective.freeBitsPerSentence are two variants of one floor: set one of them");
        ConfigCheck.NotNegative(AutoencoderSteps, "objective.autoencoderSteps");
        if (ResetDecoder && AutoencoderSteps == 0)
            throw new TextVaeException("objective.resetDecoder needs objective.autoencoderSteps > 0: the decoder is reset when pretraining ends");
        ConfigCheck.Positive(AggressiveMaxInnerSteps, "objective.aggressiveMaxInnerSteps");
        ConfigCheck.Positive(AggressiveCheckEvery, "objective.aggressiveCheckEvery");
    }
}
