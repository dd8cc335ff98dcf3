using TextVae.Runtime;

namespace TextVae.Tests.Cli;

/// <summary>The packed .NET tool, installed and run from a folder that is not the repository.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ToolInstallTests(InstalledTool tool) : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    // The quickstart's network and run cut to seconds; the configuration, corpus and printed commands stay the shipped ones.
    private static readonly Dictionary<string, string> TinyQuickstart = new()
    {
        ["TEXTVAE__model__embeddingSize"] = "8",
        ["TEXTVAE__model__hiddenSize"] = "8",
        ["TEXTVAE__model__latentSize"] = "4",
        ["TEXTVAE__training__maxSteps"] = "20",
    };

    private readonly TemporaryDirectory _elsewhere = new();

    [Fact]
    [Trait("Category", "Slow")]
    public void Version_and_sample_run_from_another_folder_on_the_packaged_libtorch()
    {
        Reliability.SmallCheckpoint.Write(_elsewhere.File("small.tvae"));

        var version = tool.Textvae(_elsewhere.Path, NoEnvironment, "--version");
        var sample = tool.Textvae(_elsewhere.Path, NoEnvironment, "sample", "--checkpoint", "small.tvae", "--count", "3", "--device", "cpu");
        var info = tool.Textvae(_elsewhere.Path, NoEnvironment, "info", "--device", "cpu");

        Assert.Equal(TextVaeVersion.Current, version.Output.Trim());
        Assert.True(sample.ExitCode == 0, sample.Error);
        Assert.Contains("  3. ", sample.Output);
        Assert.True(info.ExitCode == 0, info.Error);
        Assert.Contains($"loaded from  {tool.ToolPath}", info.Output);
        Assert.Contains("libtorch     2.10.0", info.Output);
        if (!TorchRuntime.HostProvides(TorchRuntime.MissingVersion, TorchRuntime.MarkerSymbol))
            Assert.Contains($"native       {tool.NativeCache}", info.Output); // the patched copy, as in a build
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Quickstart_runs_from_another_folder_and_its_next_commands_run_as_printed()
    {
        var quickstart = tool.Textvae(_elsewhere.Path, TinyQuickstart, "quickstart", "--device", "cpu");

        Assert.True(quickstart.ExitCode == 0, quickstart.Error);
        Assert.True(File.Exists(Path.Combine(_elsewhere.Path, "runs", "quickstart", "last.tvae")));
        var next = quickstart.Output.Split('\n').SkipWhile(line => line != "Next, try:").Skip(1)
            .TakeWhile(line => line.StartsWith("  textvae ", StringComparison.Ordinal)).Select(line => line.Trim()).ToList();
        Assert.Equal(["sample", "interpolate", "paraphrase", "eval", "tui"], next.Select(line => line.Split(' ')[1]));
        foreach (var line in next.Where(line => line != "textvae tui"))
        {
            var result = tool.Shell(_elsewhere.Path, NoEnvironment, $"{line} --device cpu");
            Assert.True(result.ExitCode == 0, $"{line}: {result.Error}");
        }
    }

    public void Dispose() => _elsewhere.Dispose();
}
