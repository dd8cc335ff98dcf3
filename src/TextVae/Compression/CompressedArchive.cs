using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TextVae.Compression;

/// <summary>
/// The archive file: magic, format version, <see cref="ArchiveHeader"/>, the rANS stack (its 32-bit words, then its
/// 64-bit state), and a SHA-256 of everything before it. All integers little-endian. Reading checks the magic, the
/// version, the length and the checksum before anything is decoded, so a damaged file is one clear error.
/// </summary>
public static class CompressedArchive
{
    public const int FormatVersion = 2;
    private static readonly byte[] Magic = "TVZ\u001A"u8.ToArray();
    private const int HashSize = 32;

    public static byte[] Write(ArchiveHeader header, RansStack stack)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write((ushort)FormatVersion);
            writer.Write(header.TextVaeVersion);
            writer.Write(header.CheckpointSha256);
            writer.Write((byte)header.Options.Latent);
            writer.Write(header.Options.BatchSize);
            writer.Write(header.Options.ChunkTokens);
            writer.Write((byte)header.Options.LatentBucketBits);
            writer.Write((byte)header.Options.PrecisionBits);
            writer.Write(header.OriginalBytes);
            writer.Write(header.LineCount);
            writer.Write(header.FinalNewline);
            writer.Write(header.ChunkCount);
            writer.Write(header.OriginalSha256);
            writer.Write((long)stack.Words.Count);
            foreach (var word in stack.Words)
                writer.Write(word);
            writer.Write(stack.State);
        }
        var body = buffer.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }

    /// <exception cref="ArchiveException">Not an archive, a newer format, truncated or corrupt.</exception>
    public static (ArchiveHeader Header, RansStack Stack) Read(ReadOnlySpan<byte> archive)
    {
        if (archive.Length < Magic.Length || !archive[..Magic.Length].SequenceEqual(Magic))
            throw new ArchiveException("not a TextVae archive (the magic bytes are missing)");
        if (archive.Length < Magic.Length + 2)
            throw new ArchiveException("the archive is truncated");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(archive[Magic.Length..]);
        if (version != FormatVersion)
            throw new ArchiveException($"the archive has format version {version}; this TextVae reads version {FormatVersion}");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(archive.ToArray(), writable: false), Encoding.UTF8);
            reader.ReadBytes(Magic.Length + 2);
            var textVaeVersion = reader.ReadString();
            var checkpointHash = ReadExactly(reader, HashSize);
            var options = new CompressionOptions
            {
                Latent = (LatentCoding)reader.ReadByte(),
                BatchSize = reader.ReadInt32(),
                ChunkTokens = reader.ReadInt32(),
                LatentBucketBits = reader.ReadByte(),
                PrecisionBits = reader.ReadByte(),
            };
            var header = new ArchiveHeader(textVaeVersion, checkpointHash, options,
                OriginalBytes: reader.ReadInt64(), LineCount: reader.ReadInt64(), FinalNewline: reader.ReadBoolean(),
                ChunkCount: reader.ReadInt64(), OriginalSha256: ReadExactly(reader, HashSize));
            var wordCount = reader.ReadInt64();
            if (wordCount < 0 || wordCount > archive.Length)
                throw new ArchiveException("the archive is truncated or corrupt (its word count is impossible)");
            var expectedLength = reader.BaseStream.Position + 4 * wordCount + 8 + HashSize;
            if (archive.Length < expectedLength)
                throw new ArchiveException($"the archive is truncated ({archive.Length:N0} bytes where its header promises {expectedLength:N0})");
            if (archive.Length > expectedLength)
                throw new ArchiveException($"the archive is corrupt ({archive.Length - expectedLength:N0} bytes after its end)");
            var body = archive[..^HashSize];
            if (!SHA256.HashData(body).AsSpan().SequenceEqual(archive[^HashSize..]))
                throw new ArchiveException("the archive is corrupt (its checksum does not match its contents)");
            var words = new uint[wordCount];
            for (var i = 0; i < wordCount; i++)
                words[i] = reader.ReadUInt32();
            var state = reader.ReadUInt64();
            options.Validate();
            if (state < RansStack.Lower || header.OriginalBytes < 0 || header.LineCount < 0 || header.ChunkCount < header.LineCount)
                throw new ArchiveException("the archive is corrupt (its header holds impossible values)");
            return (header, new RansStack(words, state));
        }
        catch (EndOfStreamException)
        {
            throw new ArchiveException("the archive is truncated");
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            // BinaryReader.ReadString throws FormatException for a bad length prefix and IOException for a negative one.
            throw new ArchiveException("the archive is corrupt (its version string cannot be read)");
        }
        catch (TextVaeException e) when (e is not ArchiveException)
        {
            throw new ArchiveException($"the archive is corrupt ({e.Message})");
        }
    }

    private static byte[] ReadExactly(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }
}
