namespace TextVae.Compression;

/// <summary>A pop asked for more bits than the rANS stack holds: in a decoder, the stream is corrupt or truncated.</summary>
public sealed class RansUnderflowException() : InvalidOperationException("the rANS stream ended before the data did");
