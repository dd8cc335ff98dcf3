using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>BLEU's unsmoothed 1- to 4-gram precisions, each on 0–100 (0 for an order with no n-grams).</summary>
public sealed record NgramPrecisions(
    [property: JsonPropertyName("p1")] double Unigram,
    [property: JsonPropertyName("p2")] double Bigram,
    [property: JsonPropertyName("p3")] double Trigram,
    [property: JsonPropertyName("p4")] double Fourgram)
{
    /// <summary>In order, 1-grams first.</summary>
    public IReadOnlyList<double> All() => [Unigram, Bigram, Trigram, Fourgram];
}
