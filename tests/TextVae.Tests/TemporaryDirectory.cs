using System.Text;

namespace TextVae.Tests;

/// <summary>A fresh folder for one test, removed afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("textvae-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="lines"/> as a UTF-8 file, one per line, and returns its path.</summary>
    public string Write(string name, params string[] lines) =>
        WriteBytes(name, Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n"))));

    public string WriteBytes(string name, byte[] contents)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
