using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace TextVae.Runtime;

/// <summary>
/// Makes TorchSharp's native library loadable before the first torch call, on the libtorch that
/// <see cref="LibTorchOptions"/> chooses: the packaged CPU one, or an existing installation (PyTorch's, with CUDA).
/// TorchSharp 0.107.0's libLibTorchSharp.so was built with GCC 13 and requires GLIBCXX_3.4.32 for one symbol,
/// <c>_ZSt21ios_base_library_initv</c>, a marker that nothing calls. Debian 12 and Ubuntu 22.04 ship an
/// older libstdc++, so on such hosts a copy of the library with that requirement marked weak is loaded
/// instead. The package cache and the build output are never modified.
/// </summary>
public static class TorchRuntime
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    public const string MarkerSymbol = "_ZSt21ios_base_library_initv";
    private const string NativeFileName = "libLibTorchSharp.so";

    private static readonly Lock Gate = new();
    private static bool _loaded;
    private static LibTorchOptions? _options;
    private static IntPtr _libTorchSharp;
    private static IReadOnlyDictionary<string, IntPtr> _libraries = new Dictionary<string, IntPtr>();
    private static LoadedLibTorch? _loadedLibTorch;

    /// <summary>Where the patched copy was loaded from, or null when the packaged library loads as it is.</summary>
    public static string? PatchedLibraryPath { get; private set; }

    /// <summary>Chooses the libtorch before the first torch call; without it <see cref="LibTorchOptions.FromEnvironment"/> decides.</summary>
    public static void Configure(LibTorchOptions options)
    {
        lock (Gate)
        {
            if (_loaded && options != (_options ?? LibTorchOptions.FromEnvironment()))
                throw new InvalidOperationException("libtorch is already loaded in this process; choose it before the first torch call");
            _options = options;
        }
    }

    /// <summary>The libtorch in use; loads it first when needed.</summary>
    public static LoadedLibTorch LibTorch
    {
        get
        {
            EnsureLoaded();
            return _loadedLibTorch!;
        }
    }

    /// <summary>Idempotent; call before any TorchSharp API. Throws <see cref="TorchLoadException"/> with a one-line reason.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded)
                return;
            var options = _options ??= LibTorchOptions.FromEnvironment();
            GlibcMallocTuning.Apply();
            OpenMpWaitPolicy.Apply();
            if (options.Directory is not null)
                LoadExternal(options);
            else if (options.LibTorchSharpFile is not null)
                throw new TorchLoadException($"a libLibTorchSharp.so ({options.LibTorchSharpFile}) is chosen without the libtorch folder it was built against");
            else if (OperatingSystem.IsLinux() && !HostProvides(MissingVersion, MarkerSymbol))
                LoadPatchedCopy();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException)
            {
                throw new TorchLoadException($"TorchSharp's native library could not be loaded: {FirstLine(e.Message)}");
            }
            _loadedLibTorch ??= DescribePackaged();
            RequireSingleLibTorch();
            _loaded = true;
        }
    }

    /// <summary>The CUDA devices of the loaded libtorch, or null with a reason (no CUDA libraries, no runtime, no device).</summary>
    public static IReadOnlyList<CudaDevice>? DescribeCudaDevices(out string? problem)
    {
        EnsureLoaded();
        if (!_libraries.TryGetValue("libtorch_cuda.so", out var libtorchCuda))
        {
            problem = "the loaded libtorch has no CUDA libraries";
            return null;
        }
        return CudaDevices.Describe(libtorchCuda, out problem);
    }

    /// <summary>True when the process's libstdc++ defines <paramref name="symbol"/> at <paramref name="version"/>.</summary>
    public static bool HostProvides(string version, string symbol)
    {
        if (!NativeLibrary.TryLoad("libstdc++.so.6", out var libstdcxx))
            return false;
        return DynamicLinker.FindVersioned(libstdcxx, symbol, version) != IntPtr.Zero;
    }

    /// <summary>
    /// Returns the path of a patched copy of <paramref name="original"/>, writing it on first use. Many processes on
    /// many hosts may share the cache (a home folder over NFS at the start of a job array): each writes under a name
    /// of its own and renames, and a cached copy is used only when its bytes hash to exactly the patched library
    /// this process computed; a copy that does not (half-copied, damaged, raced) is replaced.
    /// </summary>
    public static string PreparePatchedCopy(string original, string cacheRoot)
    {
        var bytes = File.ReadAllBytes(original);
        var key = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        var target = Path.Combine(cacheRoot, key, NativeFileName);

        bytes = WithoutUnmetVersionNeed(bytes, original);
        var expected = SHA256.HashData(bytes);
        if (HasContent(target, expected))
            return target;

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = WritePrivateCopy(target, bytes);
        try
        {
            File.Move(temporary, target, overwrite: true);
        }
        catch (IOException)
        {
            File.Delete(temporary); // another process renamed its copy first; it is checked below like any other
        }
        return HasContent(target, expected) ? target : WritePrivateCopy(target, bytes);
    }

    /// <summary>The bytes in a file no other process writes: host, process and a random part in the name, flushed to disk.</summary>
    private static string WritePrivateCopy(string target, byte[] bytes)
    {
        var path = $"{target}.{Environment.MachineName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        return path;
    }

    private static bool HasContent(string path, byte[] sha256)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SHA256.HashData(stream).AsSpan().SequenceEqual(sha256);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Folders the host probes for native assets: the app folder, its runtimes folder and the NuGet cache folders of a development build.</summary>
    public static IEnumerable<string> NativeSearchDirectories()
    {
        yield return AppContext.BaseDirectory;
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string list)
            foreach (var directory in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return directory;
    }

    /// <summary>
    /// The library with its <see cref="MissingVersion"/> requirement marked weak, when this host's libstdc++ lacks
    /// that version and only the unused marker symbol needs it; otherwise unchanged.
    /// </summary>
    private static byte[] WithoutUnmetVersionNeed(byte[] bytes, string original)
    {
        if (!OperatingSystem.IsLinux() || HostProvides(MissingVersion, MarkerSymbol))
            return bytes;
        var needing = ElfVersionNeedPatcher.SymbolsRequiringVersion(bytes, MissingVersion);
        if (needing.Any(name => name != MarkerSymbol))
            throw new TorchLoadException(
                $"{original} needs {MissingVersion} for {string.Join(", ", needing)}, which this host's libstdc++ lacks; install a newer libstdc++ (GCC 13 or later)");
        ElfVersionNeedPatcher.MarkVersionNeedWeak(bytes, MissingVersion);
        return bytes;
    }

    private static void LoadExternal(LibTorchOptions options)
    {
        var folder = LibTorchFolder.Inspect(options.Directory!);
        if (options.LibTorchSharpFile is null && folder.Version is not null && !folder.VersionMatches(BuiltFor))
            throw new TorchLoadException(
                $"libtorch {folder.Version} in {folder.Directory} is not {LibTorchFolder.MajorMinorOf(BuiltFor)}, the version TorchSharp's libLibTorchSharp.so is built for: " +
                ExternalLibTorch.Remedy(BuiltFor),
                TorchLoadFailure.VersionMismatch);
        RequireNoPackagedLibTorchBeside(folder);
        var libTorchSharp = ChosenLibTorchSharp(options.LibTorchSharpFile);
        var loaded = ExternalLibTorch.Load(folder, libTorchSharp, WithoutUnmetVersionNeed, DefaultCacheRoot(), options.LibTorchSharpFile is null ? BuiltFor : null);
        _libTorchSharp = loaded.LibTorchSharp;
        _libraries = loaded.Libraries;
        _loadedLibTorch = new LoadedLibTorch(folder.Directory, External: true, folder.Version, folder.VersionSource, BuiltFor, loaded.LibTorchSharpPath, folder.HasCuda);
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, ResolveTorchSharpNative);
    }

    /// <summary>
    /// TorchSharp loads "torch_cpu" (or "torch_cuda") by name before its first call through NativeLibrary.TryLoad,
    /// which probes the application's native folders and never asks a DllImportResolver. A libtorch packaged there
    /// (the default build's) would be a second copy beside the chosen one, whose static initialisers abort the
    /// process on duplicate operator registrations before any error can be caught, so it is refused before
    /// anything loads. The very same files, reached through links, are harmless.
    /// </summary>
    private static void RequireNoPackagedLibTorchBeside(LibTorchFolder folder)
    {
        foreach (var name in new[] { "libtorch_cpu.so", "libtorch_cuda.so" })
        {
            var chosen = FinalTarget(Path.Combine(folder.Directory, name));
            var packaged = NativeSearchDirectories().Select(directory => Path.Combine(directory, name))
                .FirstOrDefault(path => File.Exists(path) && FinalTarget(path) != chosen);
            if (packaged is not null)
                throw new TorchLoadException(
                    $"this build of TextVae carries its own libtorch ({Path.GetDirectoryName(Path.GetFullPath(packaged))}), which TorchSharp would load beside the one in {folder.Directory}: " +
                    "to run on another libtorch, build with -p:TorchBackend=external (bench/gpu/package.sh publishes that way)",
                    TorchLoadFailure.PackagedLibTorch);
        }
    }

    private static string FinalTarget(string path)
    {
        var file = new FileInfo(path);
        return (file.Exists ? file.ResolveLinkTarget(returnFinalTarget: true)?.FullName : null) ?? file.FullName;
    }

    private static void LoadPatchedCopy()
    {
        var original = ChosenLibTorchSharp(null);
        var patched = PreparePatchedCopy(original, DefaultCacheRoot());

        // The copy lives outside the package folder, so its $ORIGIN run path no longer finds libtorch;
        // loading libtorch first lets the loader match the copy's needs by soname.
        var libtorch = FindNative("libtorch.so")
            ?? throw new TorchLoadException("libtorch.so was not found next to the application; restore the libtorch package");
        try
        {
            NativeLibrary.Load(libtorch);
            _libTorchSharp = NativeLibrary.Load(patched);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchLoadException($"{patched} could not be loaded: {FirstLine(e.Message)}");
        }
        PatchedLibraryPath = patched;
        if (patched.EndsWith(".tmp", StringComparison.Ordinal))
            File.Delete(patched); // a private copy: the loaded mapping outlives the name
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, ResolveTorchSharpNative);
    }

    private static string ChosenLibTorchSharp(string? libTorchSharpFile)
    {
        if (libTorchSharpFile is null)
            return FindNative(NativeFileName)
                ?? throw new TorchLoadException($"{NativeFileName} was not found next to the application; restore the TorchSharp package");
        var full = Path.GetFullPath(libTorchSharpFile);
        return File.Exists(full) ? full : throw new TorchLoadException($"the chosen libLibTorchSharp.so {full} does not exist");
    }

    /// <summary>
    /// TorchSharp loads "torch_cpu" (or "torch_cuda") and then "LibTorchSharp" by name before its first call;
    /// answering with the handles already loaded keeps a second, packaged libtorch out of the process.
    /// </summary>
    private static IntPtr ResolveTorchSharpNative(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        "LibTorchSharp" => _libTorchSharp,
        _ => _libraries.GetValueOrDefault($"lib{name}.so"),
    };

    /// <summary>
    /// The version TorchSharp's packaged native library was built for, e.g. "2.10.0", read from the constant behind
    /// <c>torch.__version__</c>: touching <c>torch</c> itself would run its type initializer, which loads the native library.
    /// </summary>
    private static string BuiltFor =>
        typeof(torch).GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() is string version
            ? string.Join('.', version.Split('.').Take(3))
            : throw new InvalidOperationException("TorchSharp no longer declares libtorchPackageVersion; read the libtorch version it is built for elsewhere");

    private static LoadedLibTorch DescribePackaged()
    {
        var directory = MappedLibraries.Named("libtorch_cpu.so").Select(Path.GetDirectoryName).FirstOrDefault()
            ?? Path.GetDirectoryName(FindNative("libtorch_cpu.so")) ?? AppContext.BaseDirectory;
        var (version, source) = LibTorchFolder.ReadVersion(directory);
        if (version is null)
            (version, source) = (BuiltFor, "the libtorch package that TorchSharp references");
        var libTorchSharp = PatchedLibraryPath ?? MappedLibraries.Named(NativeFileName).FirstOrDefault() ?? FindNative(NativeFileName) ?? NativeFileName;
        return new LoadedLibTorch(directory!, External: false, version, source, BuiltFor, libTorchSharp, CudaLibrariesLoaded: false);
    }

    /// <summary>Two libtorch_cpu.so in one process register the same operators twice and fail at random later.</summary>
    private static void RequireSingleLibTorch()
    {
        var files = MappedLibraries.Named("libtorch_cpu.so").Select(FinalTarget).Distinct().ToList();
        if (files.Count > 1)
            throw new TorchLoadException($"two libtorch builds were loaded into this process ({string.Join(", ", files)}); the chosen libtorch folder must be the only one");
    }

    private static string? FindNative(string fileName) =>
        NativeSearchDirectories().Select(directory => Path.Combine(directory, fileName)).FirstOrDefault(File.Exists);

    private static string DefaultCacheRoot()
    {
        var configured = Environment.GetEnvironmentVariable("TEXTVAE_NATIVE_CACHE");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "textvae", "native");
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
