namespace TextVae.Runtime;

/// <summary>Shared objects mapped into this process, as the kernel lists them in /proc/self/maps.</summary>
public static class MappedLibraries
{
    /// <summary>Distinct paths of mapped files named <paramref name="fileNamePrefix"/>*.so*; empty where /proc is absent.</summary>
    public static IReadOnlyList<string> Named(string fileNamePrefix)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
            return [];
        return File.ReadLines(maps)
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : null)
            .OfType<string>()
            .Where(path => Path.GetFileName(path) is var name && name.StartsWith(fileNamePrefix, StringComparison.Ordinal) && name.Contains(".so", StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }
}
