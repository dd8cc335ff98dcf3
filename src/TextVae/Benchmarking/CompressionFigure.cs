using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>One compressor on the benchmark file: size, bits per character and per byte, and speed.</summary>
public sealed record CompressionFigure(
    [property: JsonPropertyName("compressor")] string Compressor,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("bits_per_char")] double BitsPerCharacter,
    [property: JsonPropertyName("bits_per_byte")] double BitsPerByte,
    [property: JsonPropertyName("compress_seconds")] double CompressSeconds,
    [property: JsonPropertyName("decompress_seconds")] double? DecompressSeconds);
