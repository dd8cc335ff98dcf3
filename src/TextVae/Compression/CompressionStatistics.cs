namespace TextVae.Compression;

/// <summary>
/// Where the bits of an archive went. The ideal code length is <see cref="TokenBits"/> + <see cref="LatentBits"/>
/// − <see cref="BitsBack"/>; the archive adds the header, the checksum and the rANS stack's rounding and final state.
/// </summary>
/// <param name="OriginalBytes">Size of the original.</param>
/// <param name="ArchiveBytes">Size of the archive, everything included.</param>
/// <param name="HeaderBytes">Header and checksum: the archive less its rANS stack.</param>
/// <param name="Lines">Lines of the original.</param>
/// <param name="Chunks">Token chunks coded (one or more per line).</param>
/// <param name="Tokens">Tokens coded, not counting <c>&lt;eos&gt;</c>.</param>
/// <param name="Latent">How z was coded.</param>
/// <param name="TokenBits">Σ −log2 p(token | z, prefix) over the quantised distributions, every <c>&lt;eos&gt;</c> included.</param>
/// <param name="LatentBits">Bits spent pushing z under the discretised prior, and the per-chunk bits-back flags.</param>
/// <param name="BitsBack">Bits taken off the stream by popping z under the discretised q(z|x).</param>
/// <param name="CleanChunks">Chunks coded before the stream held enough bits to pop their z (the clean start): they get no bits back.</param>
public sealed record CompressionStatistics(
    long OriginalBytes,
    long ArchiveBytes,
    long HeaderBytes,
    long Lines,
    long Chunks,
    long Tokens,
    LatentCoding Latent,
    double TokenBits,
    double LatentBits,
    double BitsBack,
    long CleanChunks)
{
    public double IdealBits => TokenBits + LatentBits - BitsBack;

    public double BitsPerByte => OriginalBytes == 0 ? 0 : 8.0 * ArchiveBytes / OriginalBytes;
}
