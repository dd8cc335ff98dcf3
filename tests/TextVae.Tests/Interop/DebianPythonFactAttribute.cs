namespace TextVae.Tests.Interop;

/// <summary>A test that runs pytest on Debian's Python with its PyTorch; skipped with the reason where they are not installed (CI installs them).</summary>
public sealed class DebianPythonFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";
    private const string Packages = "/usr/lib/python3/dist-packages";

    public DebianPythonFactAttribute()
    {
        if (!File.Exists(Python) || !Directory.Exists(Path.Combine(Packages, "torch")) || !Directory.Exists(Path.Combine(Packages, "pytest")))
            Skip = "needs Debian's python3-torch and python3-pytest: apt-get install python3-torch python3-pytest libopenblas0-pthread";
    }
}
