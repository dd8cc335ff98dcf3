using System.Text;
using TextVae.Compression;
using static TorchSharp.torch;

namespace TextVae.Tests.Compression;

[Collection(TinyBpeModelCollection.Name)]
public sealed class TextCompressorTests(TinyBpeModel models)
{
    private static readonly CompressionOptions Small = new() { BatchSize = 4, ChunkTokens = 8, LatentBucketBits = 8, PrecisionBits = 20 };

    public static TheoryData<string, byte[]> Hostile()
    {
        var german = Encoding.UTF8.GetBytes("Größere Übungen für Köln: „Straße“ — ÄÖÜ äöü ß\n");
        var data = new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "one newline", "\n"u8.ToArray() },
            { "empty lines", "\n\n\nthe man .\n\n"u8.ToArray() },
            { "CRLF", "the man said .\r\nhe went home .\r\n\r\n"u8.ToArray() },
            { "no final newline", "the man said .\nhe went home"u8.ToArray() },
            // A lone surrogate as raw bytes (ED A0 80), an overlong slash, a stray continuation byte, 0xFF and NUL.
            { "invalid UTF-8", [.. "a "u8, 0xED, 0xA0, 0x80, .. " b "u8, 0xC0, 0xAF, 0x80, 0xFF, 0x00, .. "\n"u8] },
            { "German", german },
            { "tabs and spaces", "\t  the   man\t.  \n   \n"u8.ToArray() },
            { "emoji", Encoding.UTF8.GetBytes("the 👍🏽 man 🇩🇪 said 👨‍👩‍👧 .\n") },
            { "decomposed accents", Encoding.UTF8.GetBytes("Ko\u0308ln und Ko\u0308ln\n") },
            { "right to left", Encoding.UTF8.GetBytes("שלום עולם . \u200Fمرحبا بالعالم .\nthe man said שלום .\n") },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Round_trips_hostile_input_byte_for_byte_in_both_modes(string name, byte[] original)
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        foreach (var latent in Enum.GetValues<LatentCoding>())
        {
            var archive = compressor.Compress(original, Small with { Latent = latent }).Archive;
            Assert.True(original.AsSpan().SequenceEqual(compressor.Decompress(archive)), $"{name}, {latent}");
        }
    }

    [Fact]
    public void Round_trips_random_bytes_and_random_text()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var random = new Random(5);
        var bytes = new byte[3000];
        random.NextBytes(bytes);
        var words = new[] { "the", "man", "Köln", ".", ",", "\n", "\r\n", " ", "👍", "said" };
        var text = Encoding.UTF8.GetBytes(string.Join(" ", Enumerable.Range(0, 600).Select(_ => words[random.Next(words.Length)])));
        foreach (var original in new[] { bytes, text })
        {
            var archive = compressor.Compress(original, Small).Archive;
            Assert.Equal(original, compressor.Decompress(archive));
        }
    }

    /// <summary>
    /// Every batch size from 1 to 5, so batches of 1, 2, 3 and 5 rows (not a multiple of the CPU's vector width) are
    /// coded, repeated so the coder's own buffers land at different addresses: libtorch rounds some matrix products of
    /// such shapes differently at different alignments, which once made decompression fall out of step.
    /// </summary>
    [Fact]
    public void Round_trips_with_every_batch_size_repeatedly()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var original = File.ReadAllBytes(RepositoryFiles.Get("corpora/default/valid.txt")).AsSpan(0, 2000).ToArray();
        for (var repeat = 0; repeat < 2; repeat++)
        {
            for (var batch = 1; batch <= 5; batch++)
            {
                var archive = compressor.Compress(original, Small with { BatchSize = batch }).Archive;
                Assert.True(original.AsSpan().SequenceEqual(compressor.Decompress(archive)), $"batch {batch}, repeat {repeat}");
            }
        }
    }

    [Fact]
    public void Round_trips_a_100_kilobyte_line()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var line = new StringBuilder();
        var random = new Random(3);
        while (line.Length < 100_000)
            line.Append(random.Next(3) == 0 ? "Straße " : "the man . ");
        var original = Encoding.UTF8.GetBytes(line.ToString());
        var archive = compressor.Compress(original, new CompressionOptions { BatchSize = 64, LatentBucketBits = 8, PrecisionBits = 20 }).Archive;
        Assert.Equal(original, compressor.Decompress(archive));
    }

    [Fact]
    public void Archives_do_not_depend_on_the_thread_count()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var original = File.ReadAllBytes(RepositoryFiles.Get("corpora/default/valid.txt")).AsSpan(0, 4000).ToArray();
        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            var one = compressor.Compress(original, Small).Archive;
            set_num_threads(2);
            var two = compressor.Compress(original, Small).Archive;
            Assert.Equal(one, two);
            Assert.Equal(original, compressor.Decompress(one));
            set_num_threads(1);
            Assert.Equal(original, compressor.Decompress(two));
            Assert.Equal(1, get_num_threads()); // the coder restores the caller's setting
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>
    /// The first chunks of a stream have no bits to take back; paying the prior's full code length for their z would
    /// cost every file a fixed overhead of a batch's worth of latent codes, so they are coded as the plain mode codes them.
    /// </summary>
    [Fact]
    public void Chunks_coded_before_there_are_bits_to_take_back_cost_what_the_plain_mode_costs()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var original = "the man said .\nhe went home .\n"u8.ToArray();
        var oneBatch = Small with { BatchSize = 64 };
        var bitsBack = compressor.Compress(original, oneBatch).Statistics;
        var plain = compressor.Compress(original, oneBatch with { Latent = LatentCoding.PriorMean }).Statistics;

        Assert.Equal(bitsBack.Chunks, bitsBack.CleanChunks);
        Assert.Equal(plain.TokenBits, bitsBack.TokenBits);
        Assert.Equal(0, bitsBack.BitsBack);
        Assert.InRange(bitsBack.LatentBits, 0, bitsBack.Chunks * Small.PrecisionBits + 0.01); // a rare flag per chunk, no z
    }

    [Fact]
    public void Bits_back_code_length_is_close_to_the_negative_elbo()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var original = File.ReadAllBytes(RepositoryFiles.Get("corpora/default/valid.txt")).AsSpan(0, 20_000).ToArray();
        var options = new CompressionOptions { BatchSize = 16 };
        var result = compressor.Compress(original, options);
        var elbo = compressor.Elbo(original, options, seed: 1);
        var elboBits = (elbo.Reconstruction + elbo.Kl) * elbo.Sentences / Math.Log(2);
        var s = result.Statistics;

        Assert.InRange(8.0 * s.ArchiveBytes, s.IdealBits, s.IdealBits + 8 * s.HeaderBytes + 64 + 0.001 * s.IdealBits);
        Assert.InRange(s.IdealBits / elboBits, 0.95, 1.05);
        Assert.True(s.BitsBack > 0.5 * s.LatentBits, $"bits back {s.BitsBack:F0} of {s.LatentBits:F0}");
        Assert.Equal(original, compressor.Decompress(result.Archive));
    }

    [Fact]
    public void A_damaged_archive_is_one_clear_error()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var archive = compressor.Compress("the man said .\nhe went home .\n"u8, Small).Archive;

        var flipped = (byte[])archive.Clone();
        flipped[archive.Length / 2] ^= 0x10;
        Assert.Contains("corrupt", Assert.Throws<ArchiveException>(() => compressor.Decompress(flipped)).Message);
        Assert.Contains("truncated", Assert.Throws<ArchiveException>(() => compressor.Decompress(archive.AsSpan(0, archive.Length - 5))).Message);
        Assert.Contains("truncated", Assert.Throws<ArchiveException>(() => compressor.Decompress(archive.AsSpan(0, 20))).Message);
        Assert.Contains("not a TextVae archive", Assert.Throws<ArchiveException>(() => compressor.Decompress("hello"u8)).Message);
        Assert.Contains("corrupt", Assert.Throws<ArchiveException>(() => compressor.Decompress([.. archive, 0])).Message);
    }

    [Fact]
    public void An_archive_whose_version_string_has_an_impossible_length_is_corrupt()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        var archive = compressor.Compress("the man said .\n"u8, Small).Archive;

        // The magic (4 bytes) and the format version (2), then the version string's length prefix: here -1.
        byte[] negativeLength = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F];
        negativeLength.CopyTo(archive, 6);

        Assert.Contains("its version string cannot be read", Assert.Throws<ArchiveException>(() => compressor.Decompress(archive)).Message);
    }

    [Fact]
    public void Another_checkpoint_or_version_is_refused()
    {
        using var compressor = TextCompressor.Load(models.Checkpoint, CPU);
        using var other = TextCompressor.Load(models.OtherCheckpoint, CPU);
        var archive = compressor.Compress("the man said .\n"u8, Small).Archive;

        Assert.Contains("another checkpoint", Assert.Throws<ArchiveException>(() => other.Decompress(archive)).Message);
        var (header, stack) = CompressedArchive.Read(archive);
        var older = CompressedArchive.Write(header with { TextVaeVersion = "0.9.0+0000000" }, stack);
        Assert.Contains("TextVae 0.9.0+0000000", Assert.Throws<ArchiveException>(() => compressor.Decompress(older)).Message);
    }
}
