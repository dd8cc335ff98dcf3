using System.Text.Json.Serialization;

namespace TextVae.Training;

/// <summary>
/// One line of <c>metrics.jsonl</c>: a training log point or a validation pass (<see cref="Kind"/>). Values are per
/// sentence in nats, as the papers report them.
/// </summary>
public sealed record MetricsRecord
{
    public required MetricsRecordKind Kind { get; init; }
    public required long Step { get; init; }
    public required int Epoch { get; init; }
    public double Loss { get; init; }
    public double Reconstruction { get; init; }
    public double Kl { get; init; }
    public double KlWeight { get; init; }
    public double LearningRate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TokensPerSecond { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Elbo { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Perplexity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ActiveUnits { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MutualInformation { get; init; }
}
