using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <param name="Data">The benchmark file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Characters">Its characters (UTF-8 decoded; an invalid byte counts as one).</param>
/// <param name="Figures">The model in both latent modes, then the standard compressors that were present.</param>
/// <param name="Missing">Standard compressors not installed here.</param>
/// <param name="NegativeElboBits">The model's −ELBO on the coded chunks (one posterior sample each, analytic KL), in bits.</param>
/// <param name="BitsBackIdealBits">The bits-back code length before rANS rounding and the header.</param>
/// <param name="CleanChunks">Chunks coded without bits back at the start of the stream.</param>
/// <param name="Chunks">Chunks coded.</param>
/// <param name="Threads">libtorch threads of the process (the coder itself always runs on one).</param>
public sealed record CompressionBenchmarkResult(
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("characters")] long Characters,
    [property: JsonPropertyName("figures")] IReadOnlyList<CompressionFigure> Figures,
    [property: JsonPropertyName("missing")] IReadOnlyList<string> Missing,
    [property: JsonPropertyName("neg_elbo_bits")] double NegativeElboBits,
    [property: JsonPropertyName("bits_back_ideal_bits")] double BitsBackIdealBits,
    [property: JsonPropertyName("clean_chunks")] long CleanChunks,
    [property: JsonPropertyName("chunks")] long Chunks,
    [property: JsonPropertyName("batch_speeds")] IReadOnlyList<BatchSpeed> BatchSpeeds,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("threads")] int Threads);
