namespace TextVae.Training;

/// <summary>What was not finite in a step that made no update.</summary>
public enum StepFault
{
    Loss,
    /// <summary>The gradient norm: a finite loss can still overflow in the backward pass.</summary>
    Gradient,
}
