using System.Text;

namespace TextVae.Output;

/// <summary>Small text files written whole through an <see cref="OutputFile"/>: readers see the old file or the new one, never half.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        using var file = OutputFile.Create(path);
        file.Stream.Write(new UTF8Encoding(false).GetBytes(text));
        file.Commit();
    }
}
