using System.Security.Cryptography;

namespace TextVae.Checkpoints;

/// <summary>A checkpoint file's identity: the SHA-256 of its bytes, lower-case hex, as <c>sha256sum</c> prints it.</summary>
public static class CheckpointDigest
{
    public static string Of(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"cannot read checkpoint {path}: {e.Message}", e);
        }
    }
}
