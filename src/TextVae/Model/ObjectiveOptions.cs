
namespace TextVae.Model;

/// <summary>The <c>objective</c> section: the ELBO's KL weighting and the remedies against posterior collapse.</summary>
public sealed record ObjectiveOptions
{
    public KlScheduleOptions KlSchedule { get; init; } = new();

    /// <summary>Word dropout rate (Bowman et al. 2016): share of decoder input words replaced by &lt;unk&gt; in training.</summary>
    public double WordDropout { get; init; }

    /// <summary>Free bits λ (Kingma et al. 2016), nats per latent dimension; 0 turns it off.</summary>
    public double FreeBits { get; init; }

    public void Validate()
    {
        KlSchedule.Validate();
        ConfigCheck.InRange(WordDropout, 0, 1, "objective.wordDropout");
        ConfigCheck.NotNegative(FreeBits, "objective.freeBits");
    }
}
