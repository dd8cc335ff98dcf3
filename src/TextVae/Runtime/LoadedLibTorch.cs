namespace TextVae.Runtime;

/// <summary>What TorchSharp runs on in this process: which libtorch, its version, and the libLibTorchSharp.so bound to it.</summary>
/// <param name="Directory">The folder whose libtorch_cpu.so is loaded.</param>
/// <param name="External">True when chosen through <see cref="LibTorchOptions.Directory"/>, false for the packaged CPU libtorch.</param>
/// <param name="VersionSource">Where <paramref name="Version"/> was read, or why it is unknown.</param>
/// <param name="BuiltFor">The libtorch version that TorchSharp's packaged libLibTorchSharp.so was built for.</param>
/// <param name="CudaLibrariesLoaded">libc10_cuda.so and libtorch_cuda.so were loaded with it.</param>
public sealed record LoadedLibTorch(
    string Directory,
    bool External,
    string? Version,
    string VersionSource,
    string BuiltFor,
    string LibTorchSharpPath,
    bool CudaLibrariesLoaded)
{
    /// <summary>Major and minor versions equal those TorchSharp was built for; false when the version is unknown.</summary>
    public bool VersionMatches => new LibTorchFolder(Directory, Version, VersionSource, CudaLibrariesLoaded).VersionMatches(BuiltFor);
}
