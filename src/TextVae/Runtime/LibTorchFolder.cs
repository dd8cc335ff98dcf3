using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TextVae.Runtime;

/// <summary>A libtorch installation on disk: which of its libraries are there and the version it declares.</summary>
/// <param name="VersionSource">Where <paramref name="Version"/> was read, or why it is unknown.</param>
public sealed partial record LibTorchFolder(string Directory, string? Version, string VersionSource, bool HasCuda)
{
    /// <summary>In load order: each needs the ones before it.</summary>
    public static readonly IReadOnlyList<string> CoreLibraries = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    /// <summary>In load order; a CUDA build's libtorch.so needs both.</summary>
    public static readonly IReadOnlyList<string> CudaLibraries = ["libc10_cuda.so", "libtorch_cuda.so"];

    /// <summary>Core libraries then, when present, CUDA ones, in an order in which each finds what it needs already loaded.</summary>
    public IEnumerable<string> LoadOrder =>
        HasCuda ? ["libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"] : CoreLibraries;

    public static LibTorchFolder Inspect(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new TorchLoadException($"libtorch folder {full} does not exist", TorchLoadFailure.IncompleteFolder);
        var missing = CoreLibraries.Where(name => !File.Exists(Path.Combine(full, name))).ToList();
        if (missing.Count > 0)
            throw new TorchLoadException(
                $"libtorch folder {full} lacks {string.Join(", ", missing)}: expected the lib folder of a libtorch or PyTorch installation (torch/lib)",
                TorchLoadFailure.IncompleteFolder);
        var (version, source) = ReadVersion(full);
        return new LibTorchFolder(full, version, source, CudaLibraries.All(name => File.Exists(Path.Combine(full, name))));
    }

    /// <summary>True when the major and minor versions equal those of <paramref name="builtFor"/> (e.g. "2.10.0.0").</summary>
    public bool VersionMatches(string builtFor) => MajorMinor(Version) is { } mine && mine == MajorMinor(builtFor);

    /// <summary>
    /// libtorch's binaries carry no version string, so it is read from what ships beside them: PyTorch's
    /// torch/version.py, the build-version file of a libtorch archive, the manifest of a NuGet libtorch package,
    /// or a versioned file name (Debian's libtorch_cpu.so.1.13).
    /// </summary>
    public static (string? Version, string Source) ReadVersion(string directory)
    {
        var parent = Path.GetDirectoryName(directory);
        if (parent is not null)
        {
            var versionPy = Path.Combine(parent, "version.py");
            if (File.Exists(versionPy) && File.ReadLines(versionPy).Select(line => VersionPyLine().Match(line)).FirstOrDefault(m => m.Success) is { } match)
                return (match.Groups[1].Value, versionPy);
            var buildVersion = Path.Combine(parent, "build-version");
            if (File.Exists(buildVersion) && File.ReadLines(buildVersion).FirstOrDefault()?.Trim() is { Length: > 0 } line)
                return (line, buildVersion);
            // A NuGet package keeps its libraries in <id>/<version>/runtimes/<rid>/native. Only a libtorch package's
            // manifest counts: the installed textvae tool keeps libtorch in <id>/<version>/tools/<tfm>/<rid>, three
            // levels below its own.
            var packageRoot = Path.GetFullPath(Path.Combine(directory, "..", "..", ".."));
            if (System.IO.Directory.Exists(packageRoot))
                foreach (var nuspec in System.IO.Directory.GetFiles(packageRoot, "*.nuspec"))
                    if (LibTorchPackageVersion(nuspec) is { } packageVersion)
                        return (packageVersion, nuspec);
        }
        var target = new FileInfo(Path.Combine(directory, "libtorch_cpu.so")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (target is not null && VersionedFileName().Match(target) is { Success: true } versioned)
            return (versioned.Groups[1].Value, target);
        return (null, "no version.py, build-version or package manifest beside the folder");
    }

    /// <summary>"2.10" for "2.10.0.0"; the version itself when it does not start with major.minor.</summary>
    public static string MajorMinorOf(string version) => MajorMinor(version) is var (major, minor) ? $"{major}.{minor}" : version;

    /// <summary>The version in a NuGet manifest when the package is a libtorch (its id begins "libtorch"), else null.</summary>
    private static string? LibTorchPackageVersion(string nuspec)
    {
        var metadata = XDocument.Load(nuspec).Descendants().ToList();
        string? Field(string name) => metadata.FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        return Field("id")?.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase) == true && Field("version") is { Length: > 0 } version ? version : null;
    }

    private static (int, int)? MajorMinor(string? version) =>
        version is not null && LeadingMajorMinor().Match(version) is { Success: true } m ? (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : null;

    [GeneratedRegex("""^__version__\s*=\s*['"]([^'"]+)['"]""")]
    private static partial Regex VersionPyLine();

    [GeneratedRegex(@"\.so\.(\d+\.\d+(?:\.\d+)?)$")]
    private static partial Regex VersionedFileName();

    [GeneratedRegex(@"^(\d+)\.(\d+)")]
    private static partial Regex LeadingMajorMinor();
}
