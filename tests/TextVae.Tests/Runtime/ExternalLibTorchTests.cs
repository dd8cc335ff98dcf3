using System.Diagnostics;
using TextVae.Runtime;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Runtime;

/// <summary>
/// <c>--libtorch</c> end to end: the libtorch is chosen once per process, so each case runs the real command as a
/// child process with its own native cache.
/// </summary>
[Trait("Category", "Slow")]
public class ExternalLibTorchTests
{
    private static CliProcess.Result Run(string cache, params string[] args)
    {
        var info = CliProcess.StartInfo(Environment.CurrentDirectory, args);
        info.Environment["TEXTVAE_NATIVE_CACHE"] = cache;
        info.Environment.Remove(LibTorchOptions.DirectoryVariable);
        info.Environment.Remove(LibTorchOptions.LibTorchSharpFileVariable);
        return CliProcess.Run(info, TimeSpan.FromMinutes(3));
    }

    private static void AssertOneLineError(CliProcess.Result result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{result.Error}\n{result.Output}");
        Assert.StartsWith("textvae: error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.Equal("", result.Output);
    }

    private static string PackagedFolder => TorchRuntime.NativeSearchDirectories().First(directory => File.Exists(Path.Combine(directory, "libtorch_cpu.so")));

    /// <summary>The packaged libtorch as an installation elsewhere: links in a libtorch-archive layout with its build-version.</summary>
    private static string LinkedPackagedLibTorch(string root, string buildVersion = "2.10.0+cpu", bool withOpenMp = true)
    {
        var lib = Directory.CreateDirectory(Path.Combine(root, "libtorch", "lib")).FullName;
        foreach (var file in Directory.GetFiles(PackagedFolder).Where(file => Path.GetFileName(file) is var name && (name.StartsWith("libtorch") || name.StartsWith("libc10") || (withOpenMp && name.StartsWith("libgomp")))))
            File.CreateSymbolicLink(Path.Combine(lib, Path.GetFileName(file)), file);
        File.WriteAllText(Path.Combine(root, "libtorch", "build-version"), buildVersion + "\n");
        return lib;
    }


    [Fact]
    public void A_folder_without_libtorch_is_one_line_naming_the_missing_files()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory.File("cache"), "info", "--libtorch", directory.Path);
        AssertOneLineError(result, "lacks libc10.so, libtorch_cpu.so, libtorch.so");
    }

    [Fact]
    public void Files_that_are_not_libraries_are_refused_before_loading_in_a_build_with_its_own_libtorch()
    {
        using var directory = new TemporaryDirectory();
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
            directory.Write(name, "not a shared object");
        var result = Run(directory.File("cache"), "info", "--libtorch", directory.Path);
        AssertOneLineError(result, "this build of TextVae carries its own libtorch");
    }

    [Fact]
    public void The_packaged_libtorch_chosen_from_another_folder_reports_it_and_trains()
    {
        using var directory = new TemporaryDirectory();
        var lib = LinkedPackagedLibTorch(directory.Path);

        var info = Run(directory.File("cache"), "info", "--libtorch", lib, "--device", "cpu");
        Assert.True(info.ExitCode == 0, info.Error);
        Assert.Contains("libtorch     2.10.0+cpu (read from ", info.Output);
        Assert.Contains($"loaded from  {lib} (chosen folder)", info.Output);
        Assert.Contains("cuda         not available (the loaded libtorch has no CUDA libraries)", info.Output);
        Assert.DoesNotContain("differs from", info.Output);

        var train = Run(directory.File("cache"), "bench", "train", "--libtorch", lib, "--corpus", RepositoryFiles.Get("corpora/default/train.txt"),
            "--embedding", "16", "--hidden", "16", "--latent", "4", "--vocab", "200", "--batch", "8", "--sentences", "64", "--steps", "3", "--warmup", "1",
            "--device", "cpu", "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("tokens", train.Output);
    }

    [Fact]
    public void Another_copy_of_libtorch_beside_the_packaged_one_is_refused_before_loading_naming_the_build()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory.File("cache"), "info", "--libtorch", NuGetCacheLibTorch.Folder);
        AssertOneLineError(result, "this build of TextVae carries its own libtorch");
        Assert.Contains("-p:TorchBackend=external", result.Error);
    }

    [Fact]
    public void A_folder_with_part_of_a_libtorch_is_one_line_naming_what_does_not_load()
    {
        using var directory = new TemporaryDirectory();
        var lib = LinkedPackagedLibTorch(directory.Path, withOpenMp: false);
        var result = Run(directory.File("cache"), "info", "--libtorch", lib, "--device", "cpu");
        AssertOneLineError(result, "libtorch_cpu.so could not be loaded: libgomp");
    }

    [Fact]
    public void Another_major_minor_version_is_refused_first_suggesting_pip_then_the_build_script_unless_a_libtorchsharp_is_chosen()
    {
        using var directory = new TemporaryDirectory();
        var lib = LinkedPackagedLibTorch(directory.Path, buildVersion: "2.11.0+cu130");

        var refused = Run(directory.File("cache"), "info", "--libtorch", lib);
        AssertOneLineError(refused, "libtorch 2.11.0+cu130 in ");
        Assert.Contains("is not 2.10, the version TorchSharp's libLibTorchSharp.so is built for", refused.Error);
        var pip = refused.Error.IndexOf("pip install \"torch==2.10.*\"", StringComparison.Ordinal);
        Assert.InRange(pip, 0, refused.Error.IndexOf("bench/gpu/build-libtorchsharp.sh", StringComparison.Ordinal));
        Assert.Contains("--libtorchsharp", refused.Error);

        var chosen = Run(directory.File("cache"), "info", "--libtorch", lib, "--libtorchsharp", Path.Combine(PackagedFolder, "libLibTorchSharp.so"), "--device", "cpu");
        Assert.True(chosen.ExitCode == 0, chosen.Error);
        Assert.Contains("differs from 2.10.0", chosen.Output);
    }

    [DebianTorchFact]
    public void Debian_pytorch_1_13_is_refused_by_its_version_in_one_line()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory.File("cache"), "--libtorch", DebianTorchFactAttribute.Folder, "info");
        AssertOneLineError(result, "libtorch 1.13");
        Assert.Contains("pip install \"torch==2.10.*\"", result.Error);
    }

    [Fact]
    public void A_chosen_libtorchsharp_without_a_libtorch_folder_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory.File("cache"), "info", "--libtorchsharp", directory.File("libLibTorchSharp.so"));
        AssertOneLineError(result, "without the libtorch folder");
    }
}
