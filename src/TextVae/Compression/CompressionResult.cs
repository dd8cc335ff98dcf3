namespace TextVae.Compression;

public sealed record CompressionResult(byte[] Archive, CompressionStatistics Statistics);
