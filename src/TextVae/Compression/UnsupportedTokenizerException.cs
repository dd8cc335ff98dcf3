namespace TextVae.Compression;

/// <summary>The checkpoint's tokenizer cannot reproduce every byte string, so it cannot drive a lossless compressor.</summary>
public sealed class UnsupportedTokenizerException(string message) : TextVaeException(message);
