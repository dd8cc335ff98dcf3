using System.Text.RegularExpressions;
using TextVae.Cli;
using TextVae.Checkpoints;

namespace TextVae.Tests.Cli;

/// <summary>The build's version (from git tags) is shown by --version and info, and stored in checkpoints.</summary>
public sealed partial class VersionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?(\+[0-9a-f]+)?$")]
    private static partial Regex SemanticVersion();

    [Fact]
    public void The_version_is_a_semantic_version_from_the_build()
    {
        Assert.Matches(SemanticVersion(), TextVaeVersion.Current);
    }

    [Fact]
    public async Task Version_option_and_info_print_it()
    {
        using var version = new StringWriter();
        Assert.Equal(0, await TextVaeCommandLine.RunAsync(["--version"], version));
        using var info = new StringWriter();
        Assert.Equal(0, await TextVaeCommandLine.RunAsync(["info", "--device", "cpu"], info));

        Assert.Equal(TextVaeVersion.Current, version.ToString().Trim());
        Assert.Contains($"TextVae      {TextVaeVersion.Current}", info.ToString());
    }

    [Fact]
    public void A_checkpoint_records_it_and_a_newer_format_is_refused_naming_it()
    {
        var path = Reliability.SmallCheckpoint.Write(_directory.File("small.tvae"));
        Assert.Equal(TextVaeVersion.Current, Checkpoint.Load(path).Info.TextVaeVersion);

        var bytes = File.ReadAllBytes(path);
        bytes[8] = (byte)(CheckpointFile.FormatVersion + 1);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<TextVaeException>(() => CheckpointFile.Read(path));

        Assert.Contains($"format {CheckpointFile.FormatVersion + 1}", error.Message);
        Assert.Contains($"TextVae {TextVaeVersion.Current}", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}
