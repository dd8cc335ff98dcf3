using System.Text;

namespace TextVae.Tests;

/// <summary>A temporary folder for small corpus and tokenizer files, deleted with the test.</summary>
internal sealed class TempCorpus : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("textvae-corpus-").FullName;

    public string Write(string name, params string[] lines) =>
        WriteBytes(name, Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n"))));

    public string WriteBytes(string name, byte[] contents)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
