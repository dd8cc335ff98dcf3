using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace TextVae.Interop;

/// <summary>
/// Writes tensors in the safetensors format (Hugging Face), which PyTorch, JAX and others read without running
/// any code from the file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
/// shape and byte range, then the raw little-endian data of all tensors back to back.
/// </summary>
public static class SafetensorsFile
{
    /// <summary>Header bytes are padded with spaces to a multiple of this, so every tensor starts aligned.</summary>
    private const int Alignment = 8;

    /// <param name="tensors">Name → tensor, written in the given order; any device, any layout.</param>
    /// <param name="metadata">String pairs stored under <c>__metadata__</c>.</param>
    public static void Write(Stream output, IReadOnlyList<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var blobs = new List<byte[]>(tensors.Count);
        var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (var (key, value) in metadata)
                json.WriteString(key, value);
            json.WriteEndObject();
            long offset = 0;
            foreach (var (name, tensor) in tensors)
            {
                var bytes = RawBytes(tensor);
                blobs.Add(bytes);
                json.WriteStartObject(name);
                json.WriteString("dtype", DType(tensor.dtype, name));
                json.WriteStartArray("shape");
                foreach (var size in tensor.shape)
                    json.WriteNumberValue(size);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes.Length;
            }
            json.WriteEndObject();
        }
        var padding = (Alignment - (int)(header.Length % Alignment)) % Alignment;
        header.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));

        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        output.Write(length);
        header.Position = 0;
        header.CopyTo(output);
        foreach (var blob in blobs)
            output.Write(blob);
    }

    /// <summary>The safetensors dtype names of the element types a TextVae model holds.</summary>
    public static string DType(ScalarType type, string name) => type switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new TextVaeException($"tensor '{name}' has element type {type}, which safetensors cannot hold"),
    };

    /// <summary>A contiguous CPU copy's bytes; libtorch stores them little-endian on every platform .NET runs on.</summary>
    private static byte[] RawBytes(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().contiguous().bytes.ToArray();
    }
}
