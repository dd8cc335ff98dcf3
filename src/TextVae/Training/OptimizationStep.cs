using TextVae.Data;
using TextVae.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Training;

/// <summary>
/// One update of a <see cref="SentenceVae"/> on one batch: the negative ELBO with the collapse remedies, backward,
/// gradient-norm clipping and the optimiser step, skipped when the loss is not finite. Shared by the trainer and
/// the training benchmark so both measure the same work.
/// </summary>
public sealed class OptimizationStep(SentenceVae model, OptimizerHelper optimizer, ObjectiveOptions objective, double gradientClip, Generator? wordDropoutRandom)
{
    /// <summary>Testing hook: sees each step's loss before the finiteness check and may replace it, to inject numerical faults.</summary>
    public Func<long, Tensor, Tensor>? LossInterceptor { get; set; }

    /// <summary>Call inside a dispose scope; the batch must already be on the model's device.</summary>
    public StepResult Run(SentenceBatch batch, long step, double klWeight)
    {
        var terms = model.Loss(batch, klWeight, objective, wordDropoutRandom);
        var loss = LossInterceptor?.Invoke(step, terms.Loss) ?? terms.Loss;

        // One host transfer a step, for the finiteness check that guards every update and for the progress log.
        var values = stack([loss, terms.Reconstruction, terms.Kl]).detach().cpu().data<float>().ToArray();
        var result = new StepResult(float.IsFinite(values[0]), values[0], values[1], values[2]);
        if (!result.Finite)
            return result;
        optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters(), gradientClip);
        optimizer.step();
        return result;
    }
}
