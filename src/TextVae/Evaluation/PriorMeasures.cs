using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>Diversity and novelty of sentences decoded from the prior; they depend on the model and the seed, not on the data set.</summary>
public sealed record PriorMeasures(
    [property: JsonPropertyName("distinct1")] double Distinct1,
    [property: JsonPropertyName("distinct2")] double Distinct2,
    [property: JsonPropertyName("self_bleu")] double SelfBleu,
    [property: JsonPropertyName("novelty")] double? Novelty);
