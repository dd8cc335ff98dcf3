namespace TextVae.Tests;

/// <summary>Paths of files shipped in the repository (corpora, configs, vocabularies), found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Get(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "TextVae.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"TextVae.sln not found above {AppContext.BaseDirectory}");
    }
}
