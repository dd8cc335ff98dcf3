using System.Buffers.Binary;
using System.Numerics;

namespace TextVae.TensorBoard;

/// <summary>
/// Writes a TensorBoard event file: TFRecord framing (length, masked CRC-32C of the length, the record, its
/// masked CRC-32C) around protobuf <c>Event</c> messages, as tensorflow/core/util/event.proto defines them.
/// Each event is flushed, so TensorBoard shows a run while it trains and a killed run keeps what it logged.
/// </summary>
public sealed class EventFileWriter : IDisposable
{
    /// <summary>TensorBoard reads the files in a folder whose names contain this.</summary>
    public const string FileMarker = "tfevents";

    // Field numbers of event.proto and summary.proto.
    private const int EventWallTime = 1, EventStep = 2, EventFileVersion = 3, EventSummary = 5, EventSessionLog = 7;
    private const int SummaryValue = 1, ValueTag = 1, ValueSimpleValue = 2, ValueTensor = 8, ValueMetadata = 9;
    private const int MetadataPluginData = 1, PluginName = 1;
    private const int TensorDType = 1, TensorShape = 2, TensorStringValue = 8, ShapeDim = 2, DimSize = 1;
    private const int DataTypeString = 7;
    private const int SessionLogStatus = 1, StatusStart = 1;

    private readonly FileStream _file;

    /// <summary>Creates <c>events.out.tfevents.SECONDS.HOST.PID.textvae</c> in <paramref name="directory"/>.</summary>
    public EventFileWriter(string directory)
    {
        var now = DateTimeOffset.UtcNow;
        Path = System.IO.Path.Combine(directory,
            $"events.out.{FileMarker}.{now.ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}.textvae");
        try
        {
            _file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"could not create the TensorBoard event file {Path}: {e.Message}", e);
        }
        Write(new ProtobufWriter().Double(EventWallTime, WallTime()).String(EventFileVersion, "brain.Event:2"));
    }

    public string Path { get; }

    public void Scalar(string tag, long step, double value) =>
        Write(Event(step).Message(EventSummary, summary => summary.Message(SummaryValue, v => v
            .String(ValueTag, tag)
            .Float(ValueSimpleValue, (float)value))));

    /// <summary>Markdown text for TensorBoard's text dashboard: a string tensor of shape [1] tagged for the "text" plugin.</summary>
    public void Text(string tag, long step, string markdown) =>
        Write(Event(step).Message(EventSummary, summary => summary.Message(SummaryValue, v => v
            .String(ValueTag, tag)
            .Message(ValueMetadata, metadata => metadata.Message(MetadataPluginData, plugin => plugin.String(PluginName, "text")))
            .Message(ValueTensor, tensor => tensor
                .Int64(TensorDType, DataTypeString)
                .Message(TensorShape, shape => shape.Message(ShapeDim, dim => dim.Int64(DimSize, 1)))
                .String(TensorStringValue, markdown)))));

    /// <summary>
    /// Marks a (re)start at <paramref name="step"/>: TensorBoard then drops the points of earlier files logged after
    /// it, which a resumed run logs again from its checkpoint.
    /// </summary>
    public void SessionStart(long step) =>
        Write(Event(step).Message(EventSessionLog, log => log.Int64(SessionLogStatus, StatusStart)));

    private static ProtobufWriter Event(long step) => new ProtobufWriter().Double(EventWallTime, WallTime()).Int64(EventStep, step);

    private static double WallTime() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    private void Write(ProtobufWriter message)
    {
        var data = message.ToArray();
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)data.Length);
        Span<byte> crc = stackalloc byte[4];
        try
        {
            _file.Write(length);
            BinaryPrimitives.WriteUInt32LittleEndian(crc, MaskedCrc32C(length));
            _file.Write(crc);
            _file.Write(data);
            BinaryPrimitives.WriteUInt32LittleEndian(crc, MaskedCrc32C(data));
            _file.Write(crc);
            _file.Flush();
        }
        catch (IOException e)
        {
            throw new TextVaeException($"could not write the TensorBoard event file {Path}: {e.Message}", e);
        }
    }

    /// <summary>TFRecord's checksum: CRC-32C (Castagnoli), rotated right by 15 bits plus a constant.</summary>
    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        foreach (var b in data)
            crc = BitOperations.Crc32C(crc, b);
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    public void Dispose() => _file.Dispose();
}
