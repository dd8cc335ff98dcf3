namespace TextVae.Training;

public enum TrainingOutcome
{
    NotStarted,
    Finished,
    Interrupted,
    Failed,
}
