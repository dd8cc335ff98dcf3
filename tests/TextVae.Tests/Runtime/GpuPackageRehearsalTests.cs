using System.Diagnostics;

namespace TextVae.Tests.Runtime;

/// <summary>
/// bench/gpu end to end on CPU, as the GPU machine will run it: package.sh publishes the external-libtorch build
/// without TorchSharp sources, run.sh runs every step with PROFILE=tiny on the NuGet cache's libtorch 2.10 (files
/// of its own, so the chosen libtorch must win), then the unpacked app meets a folder of non-libraries.
/// </summary>
[Trait("Category", "Slow")]
public class GpuPackageRehearsalTests
{
    private static (int ExitCode, string Output) Run(string program, IDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        info.Environment.Remove("TORCHSHARP_SRC");
        info.Environment.Remove("TEXTVAE_LIBTORCHSHARP");
        info.Environment.Remove("DisableRealDriverIO"); // the test host's setting would leave run.sh's TUI in tmux with a blank screen
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void The_tiny_rehearsal_packages_and_runs_every_step_on_cpu()
    {
        using var directory = new TemporaryDirectory();
        var package = directory.File("package");
        var packaged = Run("bash", new Dictionary<string, string>(), TimeSpan.FromMinutes(12), "bench/gpu/package.sh", package);
        Assert.True(packaged.ExitCode == 0, packaged.Output);
        Assert.Contains("no TorchSharp sources", packaged.Output);
        Assert.False(File.Exists(Path.Combine(package, "torchsharp-native.tar.xz")));

        var libtorch = NuGetCacheLibTorch.Folder;
        var work = directory.File("work");
        var environment = new Dictionary<string, string>
        {
            ["PROFILE"] = "tiny",
            ["DEVICE"] = "cpu",
            ["WORK"] = work,
            ["TEXTVAE_LIBTORCH"] = libtorch,
        };
        var run = Run("bash", environment, TimeSpan.FromMinutes(15), Path.Combine(package, "run.sh"), directory.File("out"));
        var summary = File.ReadAllText(directory.File("out/summary.txt"));
        Assert.True(run.ExitCode == 0, summary);
        Assert.Contains($"loaded from  {libtorch} (chosen folder)", summary);
        foreach (var step in new[] { "info", "bench-train-b32", "bench-train-b256", "train-brown-lstm", "eval-k5", "bench-generate" })
            Assert.Matches($@"(?m)^{step} +exit 0 ", summary);
        Assert.Contains("sample: 10 sampled", summary);
        Assert.Contains(", 0 step(s) failed", summary);

        // Only a build without a libtorch of its own reaches the loader with the chosen files: its one-line reasons.
        var appEnvironment = new Dictionary<string, string> { ["DOTNET_ROOT"] = Path.Combine(work, "dotnet"), ["TEXTVAE_NATIVE_CACHE"] = directory.File("cache") };
        (int ExitCode, string Output) App(params string[] args) =>
            Run(Path.Combine(work, "dotnet", "dotnet"), appEnvironment, TimeSpan.FromMinutes(2), [Path.Combine(work, "app", "textvae.dll"), .. args]);
        var notLibraries = Directory.CreateDirectory(directory.File("not-libraries")).FullName;
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
            File.WriteAllText(Path.Combine(notLibraries, name), "not a shared object");
        var refused = App("info", "--libtorch", notLibraries);
        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(@"^textvae: error: libtorch folder .*: libc10\.so could not be loaded: [^\n]*\n$", refused.Output);

        if (File.Exists(Path.Combine(DebianTorchFactAttribute.Folder, "libtorch_cpu.so")))
        {
            var bySymbols = App("info", "--libtorch", DebianTorchFactAttribute.Folder, "--libtorchsharp", Path.Combine(work, "app", "libLibTorchSharp.so"));
            Assert.Equal(1, bySymbols.ExitCode);
            Assert.Matches(@"^textvae: error: .*does not fit libtorch 1\.13.*symbols it needs are missing.*--libtorchsharp\)\n$", bySymbols.Output);
        }
    }
}
