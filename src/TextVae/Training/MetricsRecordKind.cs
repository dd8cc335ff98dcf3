using System.Text.Json.Serialization;

namespace TextVae.Training;

/// <summary>What a line of <c>metrics.jsonl</c> records (its <c>kind</c>).</summary>
[JsonConverter(typeof(SpelledEnumConverter<MetricsRecordKind>))]
public enum MetricsRecordKind
{
    /// <summary>A training log point: the means since the previous one.</summary>
    Train,
    /// <summary>A validation pass.</summary>
    Valid,
}
