using System.Security.Cryptography;
using System.Text;

namespace TextVae.Checkpoints;

/// <summary>
/// The on-disk container of a checkpoint: named entries followed by a SHA-256 of everything before it.
/// Layout: magic "TEXTVAE\0", int32 format version, int32 entry count, then per entry a length-prefixed UTF-8
/// name and an int64 length with the bytes; last, the 32-byte hash. Writes go to a temporary file that is
/// flushed to disk and renamed over the target, so a crash mid-save leaves the previous file intact.
/// </summary>
public static class CheckpointFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "TEXTVAE\0"u8.ToArray();
    private const int HashSize = 32;

    public static void Write(string path, IReadOnlyDictionary<string, byte[]> entries)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, TemporaryName(Path.GetFileName(full), Environment.ProcessId));
        try
        {
            Directory.CreateDirectory(directory);
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using var sha = SHA256.Create();
                // A hash transform passes the bytes through unchanged, so the checksum costs no second pass.
                using (var body = new CryptoStream(file, sha, CryptoStreamMode.Write, leaveOpen: true))
                using (var writer = new BinaryWriter(body, Encoding.UTF8))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    writer.Write(entries.Count);
                    foreach (var (name, bytes) in entries)
                    {
                        writer.Write(name);
                        writer.Write((long)bytes.Length);
                        writer.Write(bytes);
                    }
                }
                file.Write(sha.Hash);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            var previous = File.Exists(full) ? "; the previous checkpoint is intact" : "";
            throw new TextVaeException($"could not save checkpoint {path}: {e.Message}{previous}", e);
        }
    }

    /// <summary>Reads and verifies a checkpoint; every failure is a <see cref="TextVaeException"/> that says which problem it is.</summary>
    public static Dictionary<string, byte[]> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new TextVaeException($"checkpoint {path} does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            throw new TextVaeException($"checkpoint {path} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"checkpoint {path} cannot be read: {e.Message}");
        }

        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new TextVaeException($"{path} is not a TextVae checkpoint");
        if (bytes.Length < Magic.Length + 8 + HashSize)
            throw new TextVaeException($"checkpoint {path} is truncated ({bytes.Length} bytes)");

        using var stream = new MemoryStream(bytes, 0, bytes.Length - HashSize, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        var version = reader.ReadInt32();
        if (version > FormatVersion)
            throw new TextVaeException($"checkpoint {path} has format {version}, newer than this TextVae {TextVaeVersion.Current} reads (format {FormatVersion} and older): upgrade TextVae");
        if (version < 1)
            throw new TextVaeException($"checkpoint {path} is corrupt (format version {version})");

        var entries = new Dictionary<string, byte[]>();
        try
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var length = reader.ReadInt64();
                if (length < 0 || length > stream.Length - stream.Position)
                    throw new EndOfStreamException();
                entries[name] = reader.ReadBytes((int)length);
            }
            if (stream.Position != stream.Length)
                throw new TextVaeException($"checkpoint {path} is corrupt (unexpected data after the last entry)");
        }
        catch (EndOfStreamException)
        {
            throw new TextVaeException($"checkpoint {path} is truncated or corrupt (an entry runs past the end of the file)");
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            // BinaryReader.ReadString throws FormatException for a bad length prefix and IOException for a negative one.
            throw new TextVaeException($"checkpoint {path} is corrupt (an entry name cannot be read)");
        }

        var expected = SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashSize));
        if (!expected.AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashSize)))
            throw new TextVaeException($"checkpoint {path} is corrupt (checksum mismatch)");
        return entries;
    }

    private static string TemporaryName(string fileName, int processId) => $".{fileName}.{processId}.tmp";

    /// <summary>
    /// Deletes the temporary files that saves killed mid-write left in <paramref name="directory"/>; a file of a
    /// process that still runs is left alone, as that process may be saving now. Returns the deleted paths.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleTemporaryFiles(string directory)
    {
        var removed = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            var parts = Path.GetFileName(path).Split('.');
            // ".last.tvae.123.tmp" splits into "", "last", "tvae", "123", "tmp".
            if (parts.Length < 4 || !int.TryParse(parts[^2], out var processId) || IsRunning(processId))
                continue;
            TryDelete(path);
            if (!File.Exists(path))
                removed.Add(path);
        }
        return removed;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is named per process; a leftover one is harmless and overwritten next time.
        }
    }
}
