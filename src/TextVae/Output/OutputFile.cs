namespace TextVae.Output;

/// <summary>
/// A file that appears under its final name only when complete: it is written under a temporary name unique to
/// this host and process in the same folder, flushed to disk and renamed at <see cref="Commit"/>. Disposed
/// without a commit (an error, Ctrl+C, SIGTERM), the temporary file is removed; after a hard kill it is left and
/// removed by the next writer of the same file.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private const string Marker = ".partial-";
    private readonly FileStream _stream;
    private bool _committed;

    private OutputFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    public string Path { get; }
    public string TemporaryPath { get; }
    public Stream Stream => _stream;

    public static OutputFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var temporary = $"{full}{Marker}{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            return new OutputFile(path, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"cannot write {path}: {e.Message}", e);
        }
    }

    /// <summary>Temporary files that writers of <paramref name="path"/> left behind when they were killed; removes them.</summary>
    public static IReadOnlyList<string> RemoveStale(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            return [];
        var stale = Directory.GetFiles(folder, System.IO.Path.GetFileName(full) + Marker + "*");
        foreach (var file in stale)
            File.Delete(file);
        return stale;
    }

    /// <summary>Flushes to disk and gives the file its final name, replacing an older file of that name.</summary>
    public void Commit()
    {
        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(TemporaryPath, Path, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"cannot write {Path}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed && File.Exists(TemporaryPath))
            File.Delete(TemporaryPath);
    }
}
