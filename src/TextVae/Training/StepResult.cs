namespace TextVae.Training;

/// <summary>The loss terms of one step (nats per sentence) as host values; no update was made when <see cref="Finite"/> is false.</summary>
public readonly record struct StepResult(bool Finite, float Loss, float Reconstruction, float Kl);
