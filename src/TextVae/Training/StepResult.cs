namespace TextVae.Training;

/// <summary>The loss terms of one step (nats per sentence) as host values.</summary>
/// <param name="Fault">What was not finite when no update was made; null after an update.</param>
public readonly record struct StepResult(StepFault? Fault, float Loss, float Reconstruction, float Kl);
