using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>Speed of the model compressor at one batch size, on the benchmark file's first bytes.</summary>
public sealed record BatchSpeed(
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("compress_kib_per_s")] double CompressKibPerSecond,
    [property: JsonPropertyName("decompress_kib_per_s")] double DecompressKibPerSecond,
    [property: JsonPropertyName("archive_bytes")] long ArchiveBytes);
