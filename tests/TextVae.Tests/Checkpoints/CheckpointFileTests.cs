using TextVae.Checkpoints;


namespace TextVae.Tests.Checkpoints;

public class CheckpointFileTests
{
    private static readonly Dictionary<string, byte[]> Entries = new()
    {
        ["config.json"] = "{\"a\":1}"u8.ToArray(),
        ["model.bin"] = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray(),
    };

    [Fact]
    public void Round_trips_every_entry_exactly()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("run/last.tvae");

        CheckpointFile.Write(path, Entries);
        var read = CheckpointFile.Read(path);

        Assert.Equal(Entries.Keys.Order(), read.Keys.Order());
        foreach (var (name, bytes) in Entries)
            Assert.Equal(bytes, read[name]);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Missing_truncated_corrupt_and_foreign_files_each_get_their_own_message()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("last.tvae");
        CheckpointFile.Write(path, Entries);
        var bytes = File.ReadAllBytes(path);

        Assert.Contains("does not exist", Message(directory.File("missing.tvae")));

        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Contains("truncated", Message(path));

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, flipped);
        Assert.Contains("checksum mismatch", Message(path));

        File.WriteAllText(path, "sentence one\nsentence two\n");
        Assert.Contains("not a TextVae checkpoint", Message(path));

        var newer = (byte[])bytes.Clone();
        newer[8] = 99;
        File.WriteAllBytes(path, newer);
        Assert.Contains("format 99", Message(path));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // a length prefix of -1
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })] // a length prefix longer than five bytes
    public void An_entry_name_with_an_impossible_length_is_a_corrupt_checkpoint(byte[] lengthPrefix)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("last.tvae");
        CheckpointFile.Write(path, Entries);
        var bytes = File.ReadAllBytes(path);

        // Magic (8 bytes), format version and entry count (4 each), then the first entry's name.
        lengthPrefix.CopyTo(bytes, 16);
        File.WriteAllBytes(path, bytes);

        Assert.Contains("an entry name cannot be read", Message(path));
    }

    [Fact]
    public void A_failed_save_keeps_the_previous_checkpoint()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("last.tvae");
        CheckpointFile.Write(path, Entries);
        var before = File.ReadAllBytes(path);

        // A directory squatting on the temporary file's name makes the write fail like a full disk would.
        Directory.CreateDirectory(directory.File($".last.tvae.{Environment.ProcessId}.tmp"));
        var error = Assert.ThrowsAny<TextVaeException>(() => CheckpointFile.Write(path, new Dictionary<string, byte[]> { ["x"] = [1] }));

        Assert.Contains("previous checkpoint is intact", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static string Message(string path) => Assert.ThrowsAny<TextVaeException>(() => CheckpointFile.Read(path)).Message;
}
