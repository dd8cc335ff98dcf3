using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>What <c>textvae bench map</c> prints.</summary>
public sealed record MapBenchmarkResult(
    [property: JsonPropertyName("sentences")] int Sentences,
    [property: JsonPropertyName("first_open_s")] double FirstOpenSeconds,
    [property: JsonPropertyName("cached_open_s")] double CachedOpenSeconds,
    [property: JsonPropertyName("cursor_move_median_ms")] double CursorMoveMedianMilliseconds,
    [property: JsonPropertyName("cursor_move_p90_ms")] double CursorMoveP90Milliseconds,
    [property: JsonPropertyName("moves")] int Moves,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device);
