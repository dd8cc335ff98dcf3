using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>Resident memory after a number of training steps.</summary>
public sealed record MemorySample([property: JsonPropertyName("step")] int Step, [property: JsonPropertyName("rss_mb")] double ResidentMiB);
