using System.Text;

namespace TextVae.Cli;

/// <summary>
/// Words the library's parameter names as this command's flags: <c>topK</c> is <c>--top-k</c>. Configuration keys
/// (<c>training.epochs</c>) stay as they are, since users write them so in files and <c>--set</c>.
/// </summary>
public static class FlagNames
{
    // Parameters whose flag is not their kebab-case spelling.
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["maxLength"] = "--max-len",
        ["beamWidth"] = "--beam",
        ["vocabulary"] = "--vocab",
        ["runFolder"] = "--out",
        ["outputPath"] = "--out",
        ["overrides"] = "--set",
        ["batchSize"] = "--batch",
        ["chunkTokens"] = "--chunk",
    };

    public static string For(string parameter)
    {
        if (parameter.Contains('.'))
            return parameter;
        if (Renamed.TryGetValue(parameter, out var flag))
            return flag;
        var kebab = new StringBuilder("--");
        foreach (var character in parameter)
            kebab.Append(char.IsUpper(character) ? $"-{char.ToLowerInvariant(character)}" : character);
        return kebab.ToString();
    }
}
