namespace TextVae.Training;

/// <summary>The parts of a training step that <see cref="StepProfile"/> times, in the order they run.</summary>
public enum StepPhase
{
    /// <summary>Taking the next batch and moving it to the device.</summary>
    Batch,

    /// <summary>The loss, with the one host transfer of its values.</summary>
    Forward,

    Backward,

    /// <summary>Gradient-norm clipping, which reads every gradient.</summary>
    Clip,

    /// <summary>The optimiser's update.</summary>
    Update,
}
