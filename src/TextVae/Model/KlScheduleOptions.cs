
namespace TextVae.Model;

/// <summary>How the KL term's weight changes with the training step (see <see cref="KlAnnealingSchedule"/>).</summary>
public sealed record KlScheduleOptions
{
    public KlScheduleKind Kind { get; init; } = KlScheduleKind.Logistic;

    /// <summary>The weight the schedule rises to (β of β-VAE when constant).</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>Linear: steps from 0 to <see cref="Beta"/>.</summary>
    public long WarmupSteps { get; init; } = 10_000;

    /// <summary>Logistic: steepness k of 1/(1 + exp(−k(step − x0))); Bowman et al. used 0.0025.</summary>
    public double LogisticRate { get; init; } = 0.0025;

    /// <summary>Logistic: the step x0 where the weight is half of <see cref="Beta"/>; Bowman et al. used 2500.</summary>
    public long LogisticMidpoint { get; init; } = 2_500;

    /// <summary>Cyclical: steps per cycle (Fu et al. 2019 use total steps / number of cycles).</summary>
    public long CycleSteps { get; init; } = 10_000;

    /// <summary>Cyclical: share R of each cycle spent rising linearly from 0; the rest stays at <see cref="Beta"/>.</summary>
    public double RisingRatio { get; init; } = 0.5;

    public void Validate()
    {
        ConfigCheck.Defined(Kind, "objective.klSchedule.kind");
        ConfigCheck.NotNegative(Beta, "objective.klSchedule.beta");
        ConfigCheck.Positive(WarmupSteps, "objective.klSchedule.warmupSteps");
        ConfigCheck.Positive(LogisticRate, "objective.klSchedule.logisticRate");
        ConfigCheck.NotNegative(LogisticMidpoint, "objective.klSchedule.logisticMidpoint");
        ConfigCheck.Positive(CycleSteps, "objective.klSchedule.cycleSteps");
        ConfigCheck.InRange(RisingRatio, 1e-9, 1, "objective.klSchedule.risingRatio");
    }
}
