using TextVae.Configuration;
using TextVae.Checkpoints;
using TextVae.Tokenization;

namespace TextVae.Generation;

/// <summary>What a loaded model is, for the UI's model view and JSON documents.</summary>
/// <param name="TrainingCorpus">The corpus used for the verbatim check; null when it is not available here.</param>
public sealed record ModelDescription(
    string Checkpoint,
    TrainConfig Config,
    TokenizerKind TokenizerKind,
    int VocabularySize,
    long Parameters,
    string Device,
    long TrainedSteps,
    CheckpointInfo Info,
    string? TrainingCorpus);
