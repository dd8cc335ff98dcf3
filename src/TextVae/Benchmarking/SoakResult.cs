using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>
/// What <c>textvae bench soak</c> prints: memory over a long run. Growth compares the last sample with the first one
/// taken after warm-up, when the allocator's pools have filled; a tensor leak shows as steady growth.
/// </summary>
public sealed record SoakResult(
    [property: JsonPropertyName("samples")] IReadOnlyList<MemorySample> Samples,
    [property: JsonPropertyName("growth_percent")] double GrowthPercent,
    [property: JsonPropertyName("peak_rss_mb")] double PeakResidentMiB,
    [property: JsonPropertyName("tokens_per_second")] double TokensPerSecond);
