using TextVae.Configuration;
using TextVae.Checkpoints;

namespace TextVae.Generation;

/// <summary>What a loaded model is, for the UI's model view and <c>--json</c> documents.</summary>
/// <param name="TrainingCorpus">The corpus used for the verbatim check; null when it is not available here.</param>
public sealed record ModelDescription(
    string Checkpoint,
    TrainConfig Config,
    string TokenizerKind,
    int VocabularySize,
    long Parameters,
    string Device,
    long TrainedSteps,
    CheckpointInfo Info,
    string? TrainingCorpus);
