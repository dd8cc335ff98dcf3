using System.CommandLine;
using System.Globalization;
using TextVae.Compression;
using TextVae.Runtime;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae compress</c> and <c>textvae decompress</c>: lossless compression of any file with a byte-level BPE model.</summary>
public static class CompressCommand
{
    public const string StandardStream = "-";

    public static ChoiceOption<LatentCoding> LatentOption() => new("--latent",
        "bits-back: z coded with bits back (about −ELBO); prior-mean: z = 0, the decoder as a language model.", LatentCoding.BitsBack);

    public static Option<int> BatchOption() => new("--batch")
    {
        Description = "Chunks decoded side by side; larger is faster per token on a CPU that vectorises them. Stored in the archive.",
        DefaultValueFactory = _ => new CompressionOptions().BatchSize,
    };

    public static Option<string> CheckpointOption() => new("--checkpoint")
    {
        Description = "Checkpoint of a byte-level BPE model; decompression needs the very same file.",
        Required = true,
    };

    public static Command Create()
    {
        var input = new Argument<string>("in") { Description = "File to compress, or - for standard input." };
        var output = new Argument<string>("out") { Description = "Archive to write, or - for standard output." };
        var latent = LatentOption();
        var batch = BatchOption();
        var chunk = new Option<int>("--chunk") { Description = "Longest token chunk a line is cut into (0: the model's data.maxLength)." };
        var checkpoint = CheckpointOption();
        var device = CommonOptions.Device();
        var command = new Command("compress", "Compress any file losslessly with the model (rANS, bits-back coding of the latent code).")
            { input, output, checkpoint, latent.Option, batch, chunk, device.Option };
        command.SetAction(parse =>
        {
            var options = new CompressionOptions
            {
                Latent = latent.Read(parse),
                BatchSize = parse.GetValue(batch),
                ChunkTokens = parse.GetValue(chunk),
            };
            var error = parse.InvocationConfiguration.Error;
            var original = ReadAll(parse.GetValue(input)!);
            using var compressor = TextCompressor.Load(parse.GetValue(checkpoint)!, DeviceSelector.Resolve(device.Read(parse)));
            var result = compressor.Compress(original, options, new ProgressLines(error, "compress"));
            WriteAll(parse.GetValue(output)!, result.Archive);
            var s = result.Statistics;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.OriginalBytes:N0} → {s.ArchiveBytes:N0} bytes ({s.BitsPerByte:F3} bits/byte), {s.Lines:N0} lines, {s.Tokens:N0} tokens in {s.Chunks:N0} chunks; " +
                $"tokens {s.TokenBits / 8:N0} + z {s.LatentBits / 8:N0} − bits back {s.BitsBack / 8:N0} bytes, {s.CleanChunks:N0} chunks without bits back"));
            return 0;
        });
        return command;
    }

    public static Command CreateDecompress()
    {
        var input = new Argument<string>("in") { Description = "Archive to decompress, or - for standard input." };
        var output = new Argument<string>("out") { Description = "File to write, or - for standard output." };
        var checkpoint = CheckpointOption();
        var device = CommonOptions.Device();
        var command = new Command("decompress", "Restore a file from an archive made by compress with the same checkpoint.") { input, output, checkpoint, device.Option };
        command.SetAction(parse =>
        {
            var archive = ReadAll(parse.GetValue(input)!);
            using var compressor = TextCompressor.Load(parse.GetValue(checkpoint)!, DeviceSelector.Resolve(device.Read(parse)));
            var original = compressor.Decompress(archive, new ProgressLines(parse.InvocationConfiguration.Error, "decompress"));
            WriteAll(parse.GetValue(output)!, original);
            return 0;
        });
        return command;
    }

    public static byte[] ReadAll(string path)
    {
        if (path == StandardStream)
        {
            using var buffer = new MemoryStream();
            Console.OpenStandardInput().CopyTo(buffer);
            return buffer.ToArray();
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"{path} cannot be read: {e.Message}");
        }
    }

    /// <summary>Writes through a temporary file renamed into place, so a failure never leaves half a file where a good one was.</summary>
    private static void WriteAll(string path, byte[] bytes)
    {
        if (path == StandardStream)
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            return;
        }
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new TextVaeException($"{path} cannot be written: {e.Message}");
        }
    }
}
