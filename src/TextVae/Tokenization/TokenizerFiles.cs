namespace TextVae.Tokenization;

/// <summary>
/// Saves a tokenizer as a folder of files and rebuilds it from them, or from the same files held in memory
/// (a checkpoint stores <see cref="ISentenceTokenizer.ExportFiles"/>, so it never depends on a separate vocabulary).
/// </summary>
public static class TokenizerFiles
{
    public const string ManifestFile = "tokenizer.json";

    public static ISentenceTokenizer Load(string directory)
    {
        if (File.Exists(directory))
            throw new TextVaeException($"{directory} is a file; a tokenizer is a folder that holds {ManifestFile} and its vocabulary files");
        if (!Directory.Exists(directory))
            throw new TextVaeException($"tokenizer folder not found: {directory}");
        var files = Directory.EnumerateFiles(directory).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes, StringComparer.Ordinal);
        return FromFiles(files, directory);
    }

    public static ISentenceTokenizer FromFiles(IReadOnlyDictionary<string, byte[]> files, string source = "tokenizer files")
    {
        var manifest = TokenizerManifest.Parse(Require(files, ManifestFile, source), source);
        return manifest.Kind switch
        {
            TokenizerKind.Word => WordTokenizer.FromFiles(manifest, files, source),
            TokenizerKind.Bpe => BpeSentenceTokenizer.FromFiles(manifest, files, source),
            _ => throw new TextVaeException($"{source}: unknown tokenizer kind '{manifest.Kind}' (expected {string.Join(" or ", EnumSpelling.Names<TokenizerKind>())})"),
        };
    }

    public static void Save(ISentenceTokenizer tokenizer, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, contents) in tokenizer.ExportFiles())
            File.WriteAllBytes(Path.Combine(directory, name), contents);
    }

    internal static byte[] Require(IReadOnlyDictionary<string, byte[]> files, string name, string source) =>
        files.TryGetValue(name, out var contents) ? contents : throw new TextVaeException($"{source}: {name} is missing");

    /// <summary>Fails unless the vocabulary begins with the special tokens at their fixed ids.</summary>
    internal static void CheckSpecialTokens(IReadOnlyList<string> tokens, string source)
    {
        for (var id = 0; id < SpecialTokens.Count; id++)
        {
            if (id >= tokens.Count || tokens[id] != SpecialTokens.Texts[id])
                throw new TextVaeException($"{source}: token {id} must be {SpecialTokens.Texts[id]}");
        }
    }
}
