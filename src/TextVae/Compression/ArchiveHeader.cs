namespace TextVae.Compression;

/// <summary>What an archive records about its contents and how they were coded; the decoder needs nothing else but the checkpoint.</summary>
/// <param name="TextVaeVersion">Informational version of the library that wrote it (release and commit).</param>
/// <param name="CheckpointSha256">SHA-256 of the checkpoint file whose model coded it.</param>
/// <param name="Options">The coding settings, with <see cref="CompressionOptions.ChunkTokens"/> resolved.</param>
/// <param name="OriginalBytes">Size of the original.</param>
/// <param name="LineCount">Lines, counting a last line without a newline and not the empty rest after a final newline.</param>
/// <param name="FinalNewline">Whether the original ends with a newline.</param>
/// <param name="ChunkCount">Token chunks the lines were cut into.</param>
/// <param name="OriginalSha256">SHA-256 of the original, checked after decoding.</param>
public sealed record ArchiveHeader(
    string TextVaeVersion,
    byte[] CheckpointSha256,
    CompressionOptions Options,
    long OriginalBytes,
    long LineCount,
    bool FinalNewline,
    long ChunkCount,
    byte[] OriginalSha256);
