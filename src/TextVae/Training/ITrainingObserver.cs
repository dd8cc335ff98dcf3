namespace TextVae.Training;

/// <summary>
/// Receives the trainer's reports as they happen, for logs and dashboards outside the trainer (TensorBoard, a UI).
/// Observers run on the training thread between steps; they must not touch the model's parameters or the global
/// random generator, so a run trains the same with or without them.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>A training log point: the averages since the previous one (<c>kind = "train"</c>).</summary>
    void OnTrainingLogged(MetricsRecord record);

    /// <summary>A validation pass at the end of an epoch (or at the step limit).</summary>
    void OnValidated(ValidationReport report);
}
