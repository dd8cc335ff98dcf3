using System.Buffers.Binary;
using System.Text;

namespace TextVae.Tests.TensorBoard;

/// <summary>
/// Reads TensorBoard event files from the formats' specifications, independently of the writer: TFRecord framing
/// checked with a table-driven CRC-32C, and a protobuf decoder that knows the fields of Event, Summary,
/// Summary.Value, SummaryMetadata, TensorProto and SessionLog that TextVae writes.
/// </summary>
internal static class EventFileReader
{
    public sealed record Event(double WallTime, long Step, string? FileVersion, IReadOnlyList<Value> Values, int? SessionStatus);

    /// <param name="Text">The first string of a string tensor (the text plugin's payload).</param>
    public sealed record Value(string Tag, float? Simple, string? Plugin, string? Text);

    public static List<Event> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        var position = 0;
        while (position < bytes.Length)
        {
            var lengthBytes = bytes.AsSpan(position, 8);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 8, 4)) != MaskedCrc(lengthBytes))
                throw new InvalidDataException($"length checksum wrong at byte {position}");
            var data = bytes.AsSpan(position + 12, length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 12 + length, 4)) != MaskedCrc(data))
                throw new InvalidDataException($"data checksum wrong at byte {position}");
            events.Add(ParseEvent(data.ToArray()));
            position += 12 + length + 4;
        }
        return events;
    }

    private static Event ParseEvent(byte[] data)
    {
        double wallTime = 0;
        long step = 0;
        string? version = null;
        int? status = null;
        var values = new List<Value>();
        foreach (var (field, raw) in Fields(data))
        {
            switch (field)
            {
                case 1: wallTime = BitConverter.Int64BitsToDouble((long)raw.Number); break;
                case 2: step = (long)raw.Number; break;
                case 3: version = Encoding.UTF8.GetString(raw.Bytes!); break;
                case 5: values.AddRange(Fields(raw.Bytes!).Where(f => f.Field == 1).Select(f => ParseValue(f.Raw.Bytes!))); break;
                case 7: status = (int)Fields(raw.Bytes!).Single(f => f.Field == 1).Raw.Number; break;
            }
        }
        return new Event(wallTime, step, version, values, status);
    }

    private static Value ParseValue(byte[] data)
    {
        string tag = "";
        float? simple = null;
        string? plugin = null, text = null;
        foreach (var (field, raw) in Fields(data))
        {
            switch (field)
            {
                case 1: tag = Encoding.UTF8.GetString(raw.Bytes!); break;
                case 2: simple = BitConverter.Int32BitsToSingle((int)raw.Number); break;
                case 9:
                    var pluginData = Fields(raw.Bytes!).Single(f => f.Field == 1).Raw.Bytes!;
                    plugin = Encoding.UTF8.GetString(Fields(pluginData).Single(f => f.Field == 1).Raw.Bytes!);
                    break;
                case 8:
                    var tensor = Fields(raw.Bytes!).ToList();
                    if (tensor.Single(f => f.Field == 1).Raw.Number != 7)
                        throw new InvalidDataException("text tensor is not DT_STRING");
                    text = Encoding.UTF8.GetString(tensor.First(f => f.Field == 8).Raw.Bytes!);
                    break;
            }
        }
        return new Value(tag, simple, plugin, text);
    }

    private readonly record struct Raw(ulong Number, byte[]? Bytes);

    /// <summary>The (field, value) pairs of a message; fixed-width values come back as their little-endian bits.</summary>
    private static IEnumerable<(int Field, Raw Raw)> Fields(byte[] data)
    {
        var position = 0;
        while (position < data.Length)
        {
            var key = Varint(data, ref position);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    yield return (field, new Raw(Varint(data, ref position), null));
                    break;
                case 1:
                    yield return (field, new Raw(BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(position, 8)), null));
                    position += 8;
                    break;
                case 5:
                    yield return (field, new Raw(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(position, 4)), null));
                    position += 4;
                    break;
                case 2:
                    var length = (int)Varint(data, ref position);
                    yield return (field, new Raw(0, data[position..(position + length)]));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"wire type {key & 7}");
            }
        }
    }

    private static ulong Varint(byte[] data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
                return value;
        }
    }

    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
            c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1; // reversed Castagnoli polynomial
        return c;
    }).ToArray();

    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}
