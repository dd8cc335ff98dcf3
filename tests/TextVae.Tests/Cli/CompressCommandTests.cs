using System.Diagnostics;

namespace TextVae.Tests.Cli;

[Collection(TinyBpeModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CompressCommandTests(TinyBpeModel models) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Compress_and_decompress_round_trip_through_files_and_standard_streams()
    {
        byte[] original = [.. "the man said .\r\n\nKöln 👍 "u8, 0xFF, 0xFE, .. "\nno final newline"u8];
        var input = _directory.WriteBytes("in.bin", original);
        var archive = _directory.File("in.tvz");

        var compress = CliProcess.Run("compress", input, archive, "--checkpoint", models.Checkpoint, "--batch", "3", "--device", "cpu");
        Assert.True(compress.ExitCode == 0, compress.Error);
        Assert.Matches(@"\d+ → \d+ bytes", compress.Error);

        var restored = Pipe(File.ReadAllBytes(archive), "decompress", "-", "-", "--checkpoint", models.Checkpoint, "--device", "cpu");
        Assert.Equal(original, restored);

        var plain = Pipe(original, "compress", "-", "-", "--checkpoint", models.Checkpoint, "--latent", "prior-mean", "--device", "cpu");
        File.WriteAllBytes(archive, plain);
        var decompressed = _directory.File("out.bin");
        Assert.Equal(0, CliProcess.Run("decompress", archive, decompressed, "--checkpoint", models.Checkpoint, "--device", "cpu").ExitCode);
        Assert.Equal(original, File.ReadAllBytes(decompressed));
    }

    [Fact]
    public void A_damaged_archive_or_another_checkpoint_is_one_error_line_and_keeps_the_old_output()
    {
        var input = _directory.Write("in.txt", "the man said .");
        var archive = _directory.File("in.tvz");
        Assert.Equal(0, CliProcess.Run("compress", input, archive, "--checkpoint", models.Checkpoint, "--device", "cpu").ExitCode);
        var output = _directory.Write("out.txt", "keep me");

        var wrong = CliProcess.Run("decompress", archive, output, "--checkpoint", models.OtherCheckpoint, "--device", "cpu");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Matches(@"^textvae: error: the archive was made with another checkpoint \(SHA-256 [0-9a-f]{16}…, this one is [0-9a-f]{16}…\)\n$", wrong.Error);

        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..^7]);
        var truncated = CliProcess.Run("decompress", archive, output, "--checkpoint", models.Checkpoint, "--device", "cpu");
        Assert.Equal(1, truncated.ExitCode);
        Assert.Matches(@"^textvae: error: the archive is truncated[^\n]*\n$", truncated.Error);
        Assert.Equal("keep me\n", File.ReadAllText(output));
    }

    private static byte[] Pipe(byte[] input, params string[] args)
    {
        using var process = Process.Start(CliProcess.StartInfo(Environment.CurrentDirectory, args))!;
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        copy.Wait(TimeSpan.FromSeconds(120));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "textvae did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
        return output.ToArray();
    }

    public void Dispose() => _directory.Dispose();
}

[Collection(TinyModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CompressWordModelTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void A_word_level_model_is_refused_naming_the_models_that_can_compress()
    {
        var input = _directory.Write("in.txt", "the man said .");
        var result = CliProcess.Run("compress", input, _directory.File("out.tvz"), "--checkpoint", tiny.Checkpoint, "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^textvae: error: the model's word tokenizer cannot reproduce arbitrary bytes[^\n]*byte-level BPE[^\n]*\n$", result.Error);
        Assert.False(File.Exists(_directory.File("out.tvz")));
    }

    public void Dispose() => _directory.Dispose();
}
