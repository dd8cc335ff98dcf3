using System.Text.Json.Serialization;

namespace TextVae.Benchmarking;

/// <summary>
/// What <c>textvae bench encode</c> and <c>bench score</c> print: the throughput of one pass over the file, counting
/// target tokens with &lt;eos&gt; as <c>bench train</c> does.
/// </summary>
/// <param name="Samples">K, importance samples per sentence (one for a language model): score only.</param>
/// <param name="SampleTokensPerSecond">K × tokens/s, the decoder's work against a training step's: score only.</param>
public sealed record InferenceBenchmarkResult(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("sentences")] long Sentences,
    [property: JsonPropertyName("tokens")] long Tokens,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("sentences_per_second")] double SentencesPerSecond,
    [property: JsonPropertyName("tokens_per_second")] double TokensPerSecond,
    [property: JsonPropertyName("samples"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Samples,
    [property: JsonPropertyName("sample_tokens_per_second"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SampleTokensPerSecond,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("peak_rss_mb")] double PeakResidentMiB);
