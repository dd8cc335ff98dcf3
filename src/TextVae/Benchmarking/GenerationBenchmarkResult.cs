using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>What <c>textvae bench generate</c> prints: median milliseconds per request.</summary>
public sealed record GenerationBenchmarkResult(
    [property: JsonPropertyName("sample_32_ms")] double Sample32Milliseconds,
    [property: JsonPropertyName("interpolate_10_ms")] double Interpolate10Milliseconds,
    [property: JsonPropertyName("paraphrase_20_ms")] double Paraphrase20Milliseconds,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device);
