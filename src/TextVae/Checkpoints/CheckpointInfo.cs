namespace TextVae.Checkpoints;

/// <summary>Descriptive facts about a checkpoint, for <c>info</c> and the UI's model view; nothing here is needed to load it.</summary>
public sealed record CheckpointInfo
{
    public string TextVaeVersion { get; init; } = "";
    public DateTimeOffset SavedAt { get; init; }
    public long Parameters { get; init; }

    /// <summary>Absolute path of the training corpus, for novelty checks of generated sentences.</summary>
    public string? TrainCorpus { get; init; }
}
