using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>What <c>textvae bench train</c> prints: throughput after warm-up, counting target tokens with &lt;eos&gt;.</summary>
public sealed record TrainingBenchmarkResult(
    [property: JsonPropertyName("tokens_per_second")] double TokensPerSecond,
    [property: JsonPropertyName("ms_per_step")] double MillisecondsPerStep,
    [property: JsonPropertyName("peak_rss_mb")] double PeakResidentMiB,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("steps")] int Steps,
    [property: JsonPropertyName("padding_fraction")] double PaddingFraction,
    [property: JsonPropertyName("final_loss")] double FinalLoss,
    [property: JsonPropertyName("projection_precision")] string ProjectionPrecision,
    [property: JsonPropertyName("profile_ms_per_step")] IReadOnlyDictionary<string, double>? ProfileMillisecondsPerStep = null);
