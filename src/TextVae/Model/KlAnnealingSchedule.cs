namespace TextVae.Model;

/// <summary>
/// The KL weight as a pure function of the training step, so a resumed run continues on the same curve.
/// Constant: β. Linear: β·min(1, step / warm-up). Logistic (Bowman et al. 2016): β / (1 + exp(−k(step − x0))).
/// Cyclical (Fu et al. 2019): within each cycle a linear rise from 0 to β over the first R of it, then β.
/// </summary>
public sealed class KlAnnealingSchedule(KlScheduleOptions options)
{
    public double Weight(long step) => options.Kind switch
    {
        KlScheduleKind.Constant => options.Beta,
        KlScheduleKind.Linear => options.Beta * Math.Min(1.0, (double)step / options.WarmupSteps),
        KlScheduleKind.Logistic => options.Beta / (1 + Math.Exp(-options.LogisticRate * (step - options.LogisticMidpoint))),
        KlScheduleKind.Cyclical => options.Beta * Math.Min(1.0, (double)(step % options.CycleSteps) / options.CycleSteps / options.RisingRatio),
        _ => throw ConfigCheck.Undefined(options.Kind, "objective.klSchedule.kind"),
    };
}
