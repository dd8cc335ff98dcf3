namespace TextVae.Runtime;

/// <summary>Why TorchSharp's native side could not be set up, so that a front end can suggest the matching remedy.</summary>
public enum TorchLoadFailure
{
    /// <summary>A library was not found or the loader refused it.</summary>
    Unloadable,
    /// <summary>The libtorch folder lacks a library that every libtorch has.</summary>
    IncompleteFolder,
    /// <summary>libLibTorchSharp.so needs symbols that this libtorch does not define: it was built for another version.</summary>
    MissingSymbols,
    /// <summary>The libtorch declares a major.minor version other than the one libLibTorchSharp.so is built for.</summary>
    VersionMismatch,
    /// <summary>The application carries a libtorch of its own that TorchSharp would load beside the chosen one.</summary>
    PackagedLibTorch,
}
