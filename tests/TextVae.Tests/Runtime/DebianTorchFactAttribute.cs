namespace TextVae.Tests.Runtime;

/// <summary>A test that needs Debian's PyTorch 1.13 (a libtorch of another version); skipped with the reason where it is not installed.</summary>
public sealed class DebianTorchFactAttribute : FactAttribute
{
    public const string Folder = "/usr/lib/python3/dist-packages/torch/lib";

    public DebianTorchFactAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, "libtorch_cpu.so")))
            Skip = $"needs Debian's python3-torch ({Folder}): apt-get install python3-torch libopenblas0-pthread";
    }
}
