namespace TextVae.Generation;

/// <summary>How far the encoding of a map's corpus has come.</summary>
public sealed record LatentMapProgress(int Encoded, int Total);
