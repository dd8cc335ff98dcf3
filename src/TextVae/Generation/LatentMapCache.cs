using System.Security.Cryptography;
using System.Text;

namespace TextVae.Generation;

/// <summary>
/// Encoded maps kept next to the checkpoint, so a map opens without encoding its corpus again. A cache file's name
/// carries a key made of the checkpoint's checksum, the corpus file's SHA-256 and the sampling options: a retrained
/// model or an edited corpus gets a new file instead of stale codes. Files are written to a temporary name and
/// renamed, and one that cannot be read is treated as absent, so a damaged cache costs one encoding, never a wrong map.
/// </summary>
public static class LatentMapCache
{
    private const int FormatVersion = 1;
    private const int ChecksumSize = 32; // the SHA-256 that ends every checkpoint file
    private static readonly byte[] Magic = "TVAEMAP\0"u8.ToArray();

    /// <summary>Where the map of <paramref name="corpus"/> under <paramref name="checkpoint"/> is cached: beside the checkpoint (or in <paramref name="directory"/>), named after both.</summary>
    public static string PathFor(string checkpoint, string corpus, LatentMapOptions options, string? directory = null)
    {
        using var key = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        key.AppendData(CheckpointChecksum(checkpoint));
        key.AppendData(FileHash(corpus));
        key.AppendData(Encoding.UTF8.GetBytes($"{FormatVersion}/{options.MaxSentences}/{options.Seed}"));
        var name = $"{Path.GetFileNameWithoutExtension(checkpoint)}.map-{Convert.ToHexStringLower(key.GetHashAndReset())[..16]}.codes";
        return Path.Combine(directory ?? Path.GetDirectoryName(Path.GetFullPath(checkpoint))!, name);
    }

    /// <summary>The cached map, or null when there is none or it cannot be read.</summary>
    public static LatentMap? TryRead(string path, string corpus)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
                return null;
            var count = reader.ReadInt32();
            var latent = reader.ReadInt32();
            if (count <= 0 || latent <= 0)
                return null;
            var sentences = new LatentMapSentence[count];
            for (var i = 0; i < count; i++)
                sentences[i] = new LatentMapSentence(reader.ReadString(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadDouble());
            var means = new float[checked(count * latent)];
            reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(means.AsSpan()));
            return reader.BaseStream.Position == reader.BaseStream.Length ? new LatentMap(corpus, sentences, means, latent) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentException)
        {
            return null; // absent or damaged: encoding again is the remedy
        }
    }

    /// <summary>Writes <paramref name="map"/> atomically; an error says why it could not be cached.</summary>
    public static void Write(string path, LatentMap map)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(map.Sentences.Count);
                writer.Write(map.LatentSize);
                foreach (var sentence in map.Sentences)
                {
                    writer.Write(sentence.Text);
                    writer.Write(sentence.LineNumber);
                    writer.Write(sentence.Tokens);
                    writer.Write(sentence.NllPerToken);
                }
                for (var i = 0; i < map.Sentences.Count; i++)
                    writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(map.Mean(i).AsSpan()));
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new TextVaeException($"could not cache the map in {path}: {e.Message}", e);
        }
    }

    /// <summary>The checksum a checkpoint file ends with: a hash of everything in it, read without reading the rest.</summary>
    private static byte[] CheckpointChecksum(string checkpoint)
    {
        using var file = File.OpenRead(checkpoint);
        if (file.Length < ChecksumSize)
            throw new TextVaeException($"checkpoint {checkpoint} is truncated ({file.Length} bytes)");
        file.Seek(-ChecksumSize, SeekOrigin.End);
        var checksum = new byte[ChecksumSize];
        file.ReadExactly(checksum);
        return checksum;
    }

    private static byte[] FileHash(string path)
    {
        using var file = File.OpenRead(path);
        return SHA256.HashData(file);
    }
}
