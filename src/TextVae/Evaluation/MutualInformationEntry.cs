using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>One sentence of a <see cref="MutualInformationSample"/>: its posterior and its z, stored as float32 bytes in base64.</summary>
public sealed record MutualInformationEntry(
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("key")] ulong Key,
    [property: JsonPropertyName("values")] string Values)
{
    public static MutualInformationEntry Of(long line, ulong key, ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, ReadOnlySpan<float> sample) =>
        new(line, key, Convert.ToBase64String(MemoryMarshal.AsBytes<float>([.. mean, .. logVariance, .. sample])));

    private float[] All => MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(Values)).ToArray();

    [JsonIgnore] public float[] Mean => Third(0);
    [JsonIgnore] public float[] LogVariance => Third(1);
    [JsonIgnore] public float[] Sample => Third(2);

    private float[] Third(int index)
    {
        var all = All;
        var size = all.Length / 3;
        return all[(index * size)..((index + 1) * size)];
    }
}
