namespace TextVae.Training;

/// <summary>The loss terms of one step (nats per sentence) as host values.</summary>
/// <param name="Fault">"loss" or "gradient" when that was not finite and no update was made; null after an update.</param>
public readonly record struct StepResult(string? Fault, float Loss, float Reconstruction, float Kl);
