using TextVae.Runtime;

namespace PlainTorchSharp;

/// <summary>
/// <see cref="TorchRuntime.EnsureLoaded"/>, which this program needs only to load TorchSharp's native library on
/// Debian 12, also applies TextVae's own native settings (<see cref="GlibcMallocTuning"/>, <see cref="OpenMpWaitPolicy"/>)
/// unless the environment names them. A plain TorchSharp program runs without them. Naming them in .NET's environment
/// block, which TextVae reads and which on Unix never reaches native code (glibc and libgomp read the C environment,
/// and both read it before this program runs or when libtorch loads), keeps glibc and libgomp on their defaults.
/// </summary>
public static class NativeDefaults
{
    private static readonly (string Name, string Value)[] Named = [("GLIBC_TUNABLES", "glibc.malloc.perturb=0"), ("OMP_WAIT_POLICY", "unset")];

    /// <summary>Call before <see cref="TorchRuntime.EnsureLoaded"/>; a variable the user set is left as it is.</summary>
    public static void Keep()
    {
        foreach (var (name, value) in Named)
            if (Environment.GetEnvironmentVariable(name) is null)
                Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>Whether TextVae's settings are in force in this process; read after <see cref="TorchRuntime.EnsureLoaded"/>.</summary>
    public static bool TextVaeSettingsApplied => GlibcMallocTuning.Applied || OpenMpWaitPolicy.Applied;
}
