namespace TextVae.Model;

/// <summary>
/// The KL weight as a pure function of the training step, so a resumed run continues on the same curve.
/// Constant: β. Linear: β·min(1, step / warm-up). Logistic (Bowman et al. 2016): β / (1 + exp(−k(step − x0))).
/// Cyclical (Fu et al. 2019): within each cycle a linear rise from 0 to β over the first R of it, then β.
/// With autoencoder pretraining (Li et al. 2019) the weight is 0 for its first <paramref name="pretrainingSteps"/>
/// steps and the schedule's step 0 is the first step after them.
/// </summary>
public sealed class KlAnnealingSchedule(KlScheduleOptions options, long pretrainingSteps = 0)
{
    public double Weight(long step) => step < pretrainingSteps ? 0 : ScheduleWeight(step - pretrainingSteps);

    /// <summary>True while the KL weight is held at 0 for autoencoder pretraining.</summary>
    public bool IsPretraining(long step) => step < pretrainingSteps;

    private double ScheduleWeight(long step) => options.Kind switch
    {
        KlScheduleKind.Constant => options.Beta,
        KlScheduleKind.Linear => options.Beta * Math.Min(1.0, (double)step / options.WarmupSteps),
        KlScheduleKind.Logistic => options.Beta / (1 + Math.Exp(-options.LogisticRate * (step - options.LogisticMidpoint))),
        KlScheduleKind.Cyclical => options.Beta * Math.Min(1.0, (double)(step % options.CycleSteps) / options.CycleSteps / options.RisingRatio),
        _ => throw ConfigCheck.Undefined(options.Kind, "objective.klSchedule.kind"),
    };
}
