using TextVae.Data;
using TextVae.Model;
using TextVae.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Training;

/// <summary>
/// One update of a <see cref="SentenceVae"/> on one batch: the negative ELBO with the collapse remedies, backward,
/// gradient-norm clipping and the optimiser step, skipped when the loss or the gradient norm is not finite. Shared by the trainer and
/// the training benchmark so both measure the same work. The optimiser decides which parameters move: the
/// aggressive phase (He et al. 2019) runs one over the encoder alone.
/// </summary>
public sealed class OptimizationStep(SentenceVae model, OptimizerHelper optimizer, ObjectiveOptions objective, double gradientClip, Generator? wordDropoutRandom)
{
    private long _releasedAtStep = -1;

    /// <summary>Testing hook: sees each step's loss before the finiteness check and may replace it, to inject numerical faults.</summary>
    public Func<long, Tensor, Tensor>? LossInterceptor { get; set; }

    /// <summary>The optimiser that applies the update; replaced when training restarts it (after a decoder reset).</summary>
    public OptimizerHelper Optimizer { get; set; } = optimizer;

    /// <summary>When set, each phase of the step is timed into it (the caller starts its clock).</summary>
    public StepProfile? Profile { get; set; }

    /// <summary>Call inside a dispose scope; the batch must already be on the model's device.</summary>
    /// <param name="frozen">Parameters whose gradients are zeroed before the update, so this step leaves them (as Adam with no gradient history does).</param>
    public StepResult Run(SentenceBatch batch, long step, double klWeight, IReadOnlyList<Parameter>? frozen = null)
    {
        // The previous step's tensors are freed by now (each step runs in its caller's dispose scope); the aggressive
        // phase runs several updates with one step number, hence the check for a release already made.
        if (step % GlibcMallocTuning.ReleaseEverySteps == 0 && step != _releasedAtStep)
        {
            GlibcMallocTuning.ReleaseFreePages();
            _releasedAtStep = step;
        }
        var terms = model.Loss(batch, klWeight, objective, wordDropoutRandom);
        var loss = LossInterceptor?.Invoke(step, terms.Loss) ?? terms.Loss;

        // One host transfer a step, for the finiteness check and the progress log. The checks guard every update:
        // a NaN or infinity in the loss or in the gradients (a finite loss can still overflow in the backward pass)
        // would poison the weights for good.
        var values = stack([loss, terms.Reconstruction, terms.Kl]).detach().cpu().data<float>().ToArray();
        Profile?.Finish(StepPhase.Forward);
        if (!float.IsFinite(values[0]))
            return new StepResult(StepFault.Loss, values[0], values[1], values[2]);
        // The whole model's gradients are cleared, not only the optimiser's: an encoder-only optimiser would
        // otherwise leave the decoder's gradients accumulating into the next clipping norm.
        model.zero_grad();
        loss.backward();
        Profile?.Finish(StepPhase.Backward);
        var gradientNorm = nn.utils.clip_grad_norm_(model.parameters(), gradientClip);
        Profile?.Finish(StepPhase.Clip);
        if (!double.IsFinite(gradientNorm))
            return new StepResult(StepFault.Gradient, values[0], values[1], values[2]);
        if (frozen is not null)
            foreach (var parameter in frozen)
                parameter.grad?.zero_();
        Optimizer.step();
        Profile?.Finish(StepPhase.Update);
        return new StepResult(null, values[0], values[1], values[2]);
    }
}
