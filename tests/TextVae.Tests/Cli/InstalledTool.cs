using System.Diagnostics;

using TextVae.Cli.Commands;

namespace TextVae.Tests.Cli;

/// <summary>
/// The textvae .NET tool as a newcomer gets it: <c>dotnet pack src/TextVae.Cli</c> into a local feed, then
/// <c>dotnet tool install</c> into a temporary tool path. Packed once per test run (about a minute: a Release build
/// and 600 MB of libtorch compressed).
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
    private readonly TemporaryDirectory _directory = new();

    public InstalledTool()
    {
        var feed = _directory.File("feed");
        ToolPath = _directory.File("tools");
        // The test run has restored the project already; restoring again could rewrite obj/ under a running build.
        Require(Run(RepositoryFiles.Root, PackTimeout, new Dictionary<string, string>(), "dotnet", "pack", RepositoryFiles.Get("src/TextVae.Cli"), "-c", "Release", "--no-restore", "-o", feed));
        Require(Run(_directory.Path, PackTimeout, new Dictionary<string, string>(), "dotnet", "tool", "install", "--tool-path", ToolPath, "TextVae.Cli", "--prerelease", "--add-source", feed));
        NativeCache = _directory.File("native-cache");
    }

    public string ToolPath { get; }

    /// <summary>A cache of its own, so the tool prepares its patched libLibTorchSharp.so copy (where the host needs one) afresh.</summary>
    public string NativeCache { get; }

    public string Command => Path.Combine(ToolPath, "textvae");

    /// <summary>Runs the installed command in <paramref name="workingDirectory"/>, found on the PATH as after a global install.</summary>
    internal CliProcess.Result Textvae(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Shell(workingDirectory, environment, string.Join(' ', ["textvae", .. args.Select(QuickstartCommand.ShellWord)]));

    /// <summary>Runs a command line through sh, with the tool path first on the PATH.</summary>
    internal CliProcess.Result Shell(string workingDirectory, IReadOnlyDictionary<string, string> environment, string commandLine) =>
        Run(workingDirectory, TimeSpan.FromMinutes(2), new Dictionary<string, string>(environment)
        {
            ["PATH"] = $"{ToolPath}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            ["TEXTVAE_NATIVE_CACHE"] = NativeCache,
        }, "sh", "-c", commandLine);

    private static CliProcess.Result Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return CliProcess.Run(info, timeout);
    }

    private static void Require(CliProcess.Result result)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"exit {result.ExitCode}: {result.Output}\n{result.Error}");
    }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed tool";
}
