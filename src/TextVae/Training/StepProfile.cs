using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace TextVae.Training;

/// <summary>
/// Wall time spent in each <see cref="StepPhase"/> over many steps. CUDA kernels run asynchronously, so on a GPU
/// each phase waits for the device before it is charged; otherwise a phase would be billed for the work queued by
/// the one before it (and the waits themselves slow the step a little).
/// </summary>
public sealed class StepProfile(Device device)
{
    private readonly Stopwatch _clock = new();
    private readonly double[] _seconds = new double[Enum.GetValues<StepPhase>().Length];

    /// <summary>Starts the clock for the phase that comes next.</summary>
    public void Start()
    {
        Synchronize();
        _clock.Restart();
    }

    /// <summary>Charges the time since the last mark to <paramref name="phase"/> and starts the next phase's clock.</summary>
    public void Finish(StepPhase phase)
    {
        Synchronize();
        _seconds[(int)phase] += _clock.Elapsed.TotalSeconds;
        _clock.Restart();
    }

    /// <summary>Milliseconds per step in each phase, in phase order.</summary>
    public IReadOnlyDictionary<StepPhase, double> MillisecondsPerStep(int steps) =>
        Enum.GetValues<StepPhase>().ToDictionary(phase => phase, phase => 1000 * _seconds[(int)phase] / steps);

    private void Synchronize()
    {
        if (device.type == DeviceType.CUDA)
            cuda.synchronize(device);
    }
}
