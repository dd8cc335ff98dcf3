using TextVae.Runtime;

namespace TextVae.Tests.Runtime;

public class LibTorchFolderTests
{
    private static string FakeLibTorch(string root, params string[] names)
    {
        Directory.CreateDirectory(root);
        foreach (var name in names)
            File.WriteAllText(Path.Combine(root, name), "not a library");
        return root;
    }

    private static readonly string[] Core = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    [Fact]
    public void A_folder_that_does_not_exist_or_lacks_libraries_is_refused_naming_what_is_missing()
    {
        using var directory = new TemporaryDirectory();
        var absent = Assert.Throws<TorchLoadException>(() => LibTorchFolder.Inspect(Path.Combine(directory.Path, "nowhere")));
        Assert.Equal(TorchLoadFailure.IncompleteFolder, absent.Failure);
        Assert.Contains("does not exist", absent.Message);

        var partial = FakeLibTorch(Path.Combine(directory.Path, "lib"), "libc10.so");
        var error = Assert.Throws<TorchLoadException>(() => LibTorchFolder.Inspect(partial));
        Assert.Equal(TorchLoadFailure.IncompleteFolder, error.Failure);
        Assert.Contains("libtorch_cpu.so, libtorch.so", error.Message);
        Assert.DoesNotContain("libc10.so,", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void PyTorch_layout_reads_torch_version_py_and_finds_the_cuda_libraries()
    {
        using var directory = new TemporaryDirectory();
        var lib = FakeLibTorch(Path.Combine(directory.Path, "torch", "lib"), [.. Core, "libc10_cuda.so", "libtorch_cuda.so"]);
        File.WriteAllLines(Path.Combine(directory.Path, "torch", "version.py"), ["from typing import Optional", "", "__version__ = '2.11.0+cu130'", "cuda: Optional[str] = '13.0'"]);

        var folder = LibTorchFolder.Inspect(lib);

        Assert.Equal("2.11.0+cu130", folder.Version);
        Assert.EndsWith("version.py", folder.VersionSource);
        Assert.True(folder.HasCuda);
        Assert.Equal(["libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"], folder.LoadOrder);
        Assert.False(folder.VersionMatches("2.10.0.0"));
        Assert.True(folder.VersionMatches("2.11.0"));
    }

    [Fact]
    public void Libtorch_archive_layout_reads_build_version_and_without_cuda_loads_only_the_core()
    {
        using var directory = new TemporaryDirectory();
        var lib = FakeLibTorch(Path.Combine(directory.Path, "libtorch", "lib"), [.. Core, "libc10_cuda.so"]);
        File.WriteAllText(Path.Combine(directory.Path, "libtorch", "build-version"), "2.10.0+cpu\n");

        var folder = LibTorchFolder.Inspect(lib);

        Assert.Equal("2.10.0+cpu", folder.Version);
        Assert.False(folder.HasCuda);
        Assert.Equal(Core, folder.LoadOrder);
        Assert.True(folder.VersionMatches("2.10.0.0"));
    }

    [Fact]
    public void NuGet_layout_reads_the_package_manifest()
    {
        using var directory = new TemporaryDirectory();
        var package = Path.Combine(directory.Path, "libtorch-cpu-linux-x64", "2.9.1");
        var lib = FakeLibTorch(Path.Combine(package, "runtimes", "linux-x64", "native"), Core);
        File.WriteAllText(Path.Combine(package, "libtorch-cpu-linux-x64.nuspec"),
            """<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd"><metadata><id>libtorch-cpu-linux-x64</id><version>2.9.1</version></metadata></package>""");

        Assert.Equal("2.9.1", LibTorchFolder.Inspect(lib).Version);
    }

    [Fact]
    public void The_installed_tools_own_manifest_is_not_read_as_libtorchs()
    {
        using var directory = new TemporaryDirectory();
        var package = Path.Combine(directory.Path, "textvae.cli.linux-x64", "0.3.0-alpha.0.5");
        var lib = FakeLibTorch(Path.Combine(package, "tools", "net10.0", "linux-x64"), Core);
        File.WriteAllText(Path.Combine(package, "TextVae.Cli.linux-x64.nuspec"),
            """<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd"><metadata><id>TextVae.Cli.linux-x64</id><version>0.3.0-alpha.0.5</version></metadata></package>""");

        Assert.Null(LibTorchFolder.Inspect(lib).Version);
    }

    [Fact]
    public void A_versioned_file_name_gives_the_version_and_nothing_leaves_it_unknown()
    {
        using var directory = new TemporaryDirectory();
        var real = FakeLibTorch(Path.Combine(directory.Path, "system"), "libtorch_cpu.so.1.13");
        var lib = FakeLibTorch(Path.Combine(directory.Path, "pkg", "lib"), "libc10.so", "libtorch.so");
        File.CreateSymbolicLink(Path.Combine(lib, "libtorch_cpu.so"), Path.Combine(real, "libtorch_cpu.so.1.13"));
        Assert.Equal("1.13", LibTorchFolder.Inspect(lib).Version);

        var bare = FakeLibTorch(Path.Combine(directory.Path, "bare", "lib"), Core);
        var unknown = LibTorchFolder.Inspect(bare);
        Assert.Null(unknown.Version);
        Assert.False(unknown.VersionMatches("2.10.0.0"));
    }

    [Fact]
    public void Major_and_minor_name_the_release_line()
    {
        Assert.Equal("2.10", LibTorchFolder.MajorMinorOf("2.10.0.0"));
        Assert.Equal("2.11", LibTorchFolder.MajorMinorOf("2.11.0+cu130"));
        Assert.Equal("nightly", LibTorchFolder.MajorMinorOf("nightly"));
    }

    [Fact]
    public void Options_come_from_the_environment_variables_when_set()
    {
        var before = (Environment.GetEnvironmentVariable(LibTorchOptions.DirectoryVariable), Environment.GetEnvironmentVariable(LibTorchOptions.LibTorchSharpFileVariable));
        try
        {
            Environment.SetEnvironmentVariable(LibTorchOptions.DirectoryVariable, " /opt/torch/lib ");
            Environment.SetEnvironmentVariable(LibTorchOptions.LibTorchSharpFileVariable, "");
            Assert.Equal(new LibTorchOptions("/opt/torch/lib", null), LibTorchOptions.FromEnvironment());
        }
        finally
        {
            Environment.SetEnvironmentVariable(LibTorchOptions.DirectoryVariable, before.Item1);
            Environment.SetEnvironmentVariable(LibTorchOptions.LibTorchSharpFileVariable, before.Item2);
        }
    }
}
