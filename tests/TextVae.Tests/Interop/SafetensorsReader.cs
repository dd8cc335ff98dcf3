using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace TextVae.Tests.Interop;

/// <summary>
/// Reads a safetensors file from its specification alone (length, JSON header, data), independently of the
/// writer, so the tests check the format rather than the writer against itself.
/// </summary>
internal sealed class SafetensorsReader
{
    public sealed record Entry(string Name, string DType, long[] Shape, long Start, long End);

    public SafetensorsReader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        HeaderLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = JsonDocument.Parse(bytes.AsMemory(8, (int)HeaderLength)).RootElement;
        HeaderText = Encoding.UTF8.GetString(bytes, 8, (int)HeaderLength);
        Body = bytes[(8 + (int)HeaderLength)..];
        foreach (var property in header.EnumerateObject())
        {
            if (property.Name == "__metadata__")
            {
                Metadata = property.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                continue;
            }
            var offsets = property.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Entries.Add(new Entry(property.Name, property.Value.GetProperty("dtype").GetString()!,
                property.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(), offsets[0], offsets[1]));
        }
    }

    public long HeaderLength { get; }
    public string HeaderText { get; }
    public byte[] Body { get; }
    public Dictionary<string, string> Metadata { get; } = [];
    public List<Entry> Entries { get; } = [];

    public float[] Floats(Entry entry)
    {
        var values = new float[(entry.End - entry.Start) / 4];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(Body.AsSpan((int)entry.Start + 4 * i, 4));
        return values;
    }
}
