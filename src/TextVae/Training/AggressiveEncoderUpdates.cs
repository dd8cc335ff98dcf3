using TextVae.Data;
using static TorchSharp.torch;

namespace TextVae.Training;

/// <summary>
/// The inner loop of aggressive inference-network training (He et al. 2019, "Lagging Inference Networks", their
/// Algorithm 1): encoder-only updates, first on the current batch and then on random training batches, until the
/// mean loss per target token over a window of <paramref name="checkEvery"/> updates is no lower than over the
/// window before, or <paramref name="maxSteps"/> updates are done. The decoder update that follows is the caller's.
/// </summary>
/// <param name="encoderStep">An update whose optimiser holds the encoder's parameters only.</param>
public sealed class AggressiveEncoderUpdates(OptimizationStep encoderStep, int maxSteps, int checkEvery)
{
    /// <param name="nextBatch">The current batch on its first call, then a random training batch on each call, on the model's device.</param>
    /// <returns>The number of encoder updates made.</returns>
    public int Run(Func<SentenceBatch> nextBatch, long step, double klWeight)
    {
        var previous = double.PositiveInfinity;
        var lossSum = 0.0;
        long tokens = 0;
        var updates = 0;
        while (updates < maxSteps)
        {
            using var scope = NewDisposeScope();
            var batch = nextBatch();
            var result = encoderStep.Run(batch, step, klWeight);
            updates++;
            if (result.Fault is null)
            {
                lossSum += (double)result.Loss * batch.Size;
                tokens += batch.TargetTokenCount;
            }
            if (updates % checkEvery != 0)
                continue;
            var current = tokens > 0 ? lossSum / tokens : double.PositiveInfinity;
            if (current >= previous)
                break;
            previous = current;
            lossSum = 0;
            tokens = 0;
        }
        return updates;
    }
}
