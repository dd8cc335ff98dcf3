using System.Security.Cryptography;
using System.Text;

namespace TextVae.Runtime;

/// <summary>
/// Loads libtorch from a folder outside the application, such as PyTorch's torch/lib, together with a
/// libLibTorchSharp.so bound to it, before TorchSharp initialises. libLibTorchSharp.so asks for libtorch.so,
/// libc10.so and libtorch_cpu.so by those names through its $ORIGIN run path, and installations name their files
/// differently (Debian: libtorch.so.1.13), so it is staged in a private folder beside links to the chosen folder's
/// libraries; the loader then finds the very files already loaded and never falls back to the packaged ones.
/// </summary>
internal static class ExternalLibTorch
{
    public const string LibTorchSharpFileName = "libLibTorchSharp.so";

    public sealed record Loaded(string LibTorchSharpPath, IntPtr LibTorchSharp, IReadOnlyDictionary<string, IntPtr> Libraries);

    /// <param name="packagedBuiltFor">The libtorch version the packaged libLibTorchSharp.so is built for; null when <paramref name="libTorchSharp"/> is one the user chose.</param>
    public static Loaded Load(LibTorchFolder folder, string libTorchSharp, Func<byte[], string, byte[]> makeLoadable, string cacheRoot, string? packagedBuiltFor)
    {
        var libraries = new Dictionary<string, IntPtr>();
        foreach (var name in folder.LoadOrder)
            libraries[name] = OpenLibrary(folder, name);

        var staged = Stage(folder, libTorchSharp, makeLoadable, cacheRoot);
        // Binding every symbol now turns a libtorch of another version into this error instead of a process
        // exit at the first call of a missing function.
        var handle = DynamicLinker.TryOpen(staged, bindNow: true, out var error);
        if (handle != IntPtr.Zero)
            return new Loaded(staged, handle, libraries);
        if (error!.Contains("undefined symbol", StringComparison.Ordinal))
            throw MissingSymbols(folder, libTorchSharp, staged, libraries["libtorch.so"], packagedBuiltFor);
        throw new TorchLoadException($"{libTorchSharp} could not be loaded with libtorch from {folder.Directory}: {FirstLine(error)}");
    }

    private static IntPtr OpenLibrary(LibTorchFolder folder, string name)
    {
        var path = Path.Combine(folder.Directory, name);
        var handle = DynamicLinker.TryOpen(path, bindNow: false, out var error);
        if (handle == IntPtr.Zero && name == "libtorch_cuda.so" && PreloadNvidiaLibraries(folder.Directory) > 0)
            handle = DynamicLinker.TryOpen(path, bindNow: false, out error);
        if (handle == IntPtr.Zero)
            throw new TorchLoadException($"libtorch folder {folder.Directory}: {name} could not be loaded: {FirstLine(error!)}");
        return handle;
    }

    /// <summary>
    /// PyTorch wheels take cuDNN, cuBLAS and the CUDA runtime from the nvidia-* wheels in site-packages/nvidia;
    /// Python preloads them when libtorch_cuda.so's run path does not reach them. Loads what loads, in passes,
    /// since they need each other; returns how many loaded.
    /// </summary>
    private static int PreloadNvidiaLibraries(string torchLib)
    {
        var nvidia = Path.GetFullPath(Path.Combine(torchLib, "..", "..", "nvidia"));
        if (!Directory.Exists(nvidia))
            return 0;
        var pending = Directory.EnumerateFiles(nvidia, "*.so*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == "lib").Order(StringComparer.Ordinal).ToList();
        var loaded = 0;
        for (var progress = true; progress && pending.Count > 0;)
        {
            var before = pending.Count;
            pending.RemoveAll(path => DynamicLinker.TryOpen(path, bindNow: false, out _) != IntPtr.Zero);
            loaded += before - pending.Count;
            progress = pending.Count < before;
        }
        return loaded;
    }

    /// <summary>A private folder with the (host-adapted) libLibTorchSharp.so and links named as it needs them.</summary>
    private static string Stage(LibTorchFolder folder, string libTorchSharp, Func<byte[], string, byte[]> makeLoadable, string cacheRoot)
    {
        var bytes = File.ReadAllBytes(libTorchSharp);
        var key = Convert.ToHexString(SHA256.HashData([.. bytes, .. Encoding.UTF8.GetBytes($"\0{folder.Directory}\0{folder.HasCuda}")]))[..16].ToLowerInvariant();
        var target = Path.Combine(cacheRoot, "external", key);
        var staged = Path.Combine(target, LibTorchSharpFileName);
        if (File.Exists(staged))
            return staged;

        // Built in a private folder and renamed, so that concurrent first runs never see half of it.
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        if (Directory.Exists(temporary))
            Directory.Delete(temporary, recursive: true);
        Directory.CreateDirectory(temporary);
        File.WriteAllBytes(Path.Combine(temporary, LibTorchSharpFileName), makeLoadable(bytes, libTorchSharp));
        foreach (var name in folder.LoadOrder)
            File.CreateSymbolicLink(Path.Combine(temporary, name), Path.Combine(folder.Directory, name));
        try
        {
            Directory.Move(temporary, target);
        }
        catch (IOException) when (File.Exists(staged))
        {
            Directory.Delete(temporary, recursive: true);
        }
        return staged;
    }

    /// <summary>What most users can do about a libtorch of another version, the easiest first.</summary>
    public static string Remedy(string builtFor)
    {
        var release = LibTorchFolder.MajorMinorOf(builtFor);
        return $"install PyTorch {release} (pip install \"torch=={release}.*\" with the CUDA variant you need, e.g. --index-url https://download.pytorch.org/whl/cu128) " +
            "and choose its torch/lib, or use a libLibTorchSharp.so built against this libtorch";
    }

    private static TorchLoadException MissingSymbols(LibTorchFolder folder, string libTorchSharp, string staged, IntPtr libtorch, string? packagedBuiltFor)
    {
        var needed = ElfVersionNeedPatcher.UndefinedSymbols(File.ReadAllBytes(staged));
        var missing = needed.Where(symbol => DynamicLinker.Find(libtorch, symbol) == IntPtr.Zero).ToList();
        var version = folder.Version ?? "of unknown version";
        return new TorchLoadException(
            $"{libTorchSharp} does not fit libtorch {version} in {folder.Directory}: {missing.Count} of the {needed.Count} symbols it needs are missing " +
            $"(first: {missing.FirstOrDefault() ?? "?"}); " +
            (packagedBuiltFor is null ? "it was built against another libtorch: build it against this one" : $"it was built for libtorch {packagedBuiltFor}: {Remedy(packagedBuiltFor)}"),
            TorchLoadFailure.MissingSymbols);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
