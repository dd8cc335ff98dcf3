namespace TextVae.Tests.Runtime;

/// <summary>The libtorch package that the restore put in the NuGet cache: the build's very libtorch 2.10, as files of its own.</summary>
internal static class NuGetCacheLibTorch
{
    public static string Folder
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var folder = Path.Combine(packages, "libtorch-cpu-linux-x64", "2.10.0", "runtimes", "linux-x64", "native");
            Assert.True(File.Exists(Path.Combine(folder, "libtorch_cpu.so")), $"the restore should have put libtorch-cpu-linux-x64 2.10.0 in {folder}");
            return folder;
        }
    }
}
