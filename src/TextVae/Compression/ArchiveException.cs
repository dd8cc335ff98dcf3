namespace TextVae.Compression;

/// <summary>An archive that cannot be decompressed here: corrupt, truncated, not an archive, or made with another checkpoint or version.</summary>
public sealed class ArchiveException(string message) : TextVaeException(message);
