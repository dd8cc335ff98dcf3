namespace TextVae.Training;

/// <summary>Means over the steps of one <see cref="ProgressWindow"/> lap: nats per sentence, tokens per second, seconds per step.</summary>
public sealed record ProgressSnapshot(double TokensPerSecond, double SecondsPerStep, double Loss, double Reconstruction, double Kl);
