using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>
/// What an evaluation was asked to measure, stored in each part so that parts made differently are never merged:
/// the same model (by content hash), data, importance samples, seed, mutual-information estimator, blocks and number of shards.
/// </summary>
public sealed record EvaluationSettings
{
    [JsonPropertyName("checkpoint")] public required string Checkpoint { get; init; }
    [JsonPropertyName("checkpoint_sha256")] public required string CheckpointSha256 { get; init; }
    [JsonPropertyName("data")] public required string Data { get; init; }
    [JsonPropertyName("samples")] public required int Samples { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    [JsonPropertyName("prior_samples")] public required int PriorSamples { get; init; }
    [JsonPropertyName("train_corpus")] public string? TrainCorpus { get; init; }
    [JsonPropertyName("block_lines")] public required int BlockLines { get; init; }
    [JsonPropertyName("mi_estimator")] public required MutualInformationEstimator MutualInformationEstimator { get; init; }
    [JsonPropertyName("mi_sentences")] public required int MutualInformationSentences { get; init; }
    [JsonPropertyName("mi_data")] public string? MutualInformationData { get; init; }
    [JsonPropertyName("beam_width")] public int BeamWidth { get; init; }
    [JsonPropertyName("shards")] public required int Shards { get; init; }
    [JsonPropertyName("textvae_version")] public required string TextVaeVersion { get; init; }
}
