using System.Reflection;

namespace TextVae.Tests.Architecture;

/// <summary>
/// The layers of the code, read from the one place they are written: the <c>text</c> block under "Code map" in
/// <c>docs/architecture.md</c>, highest first, peers on one line. A layer is a namespace below <c>TextVae</c> (its first part, so
/// <c>TextVae.Cli.Commands</c> is in <c>Cli</c>); <c>TextVae</c> alone is the root namespace.
/// </summary>
public sealed class LayerOrder
{
    public const string Root = "TextVae";

    /// <summary>Lowest first; each entry holds the peers of one rank.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Ranks { get; }

    private LayerOrder(IReadOnlyList<IReadOnlyList<string>> ranks) => Ranks = ranks;

    public const string Document = "docs/architecture.md";

    public static LayerOrder FromDocument() => Parse(File.ReadAllText(RepositoryFiles.Get(Document)));

    public static LayerOrder Parse(string document)
    {
        var lines = document.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var section = lines.FindIndex(line => line == "## Code map");
        if (section < 0)
            throw new InvalidOperationException($"{Document} has no \"## Code map\" section");
        var start = lines.FindIndex(section, line => line == "```text");
        var end = start < 0 ? -1 : lines.FindIndex(start + 1, line => line == "```");
        if (start < 0 || end < 0)
            throw new InvalidOperationException($"{Document}'s code map has no ```text block of layers");
        var ranks = lines.Skip(start + 1).Take(end - start - 1)
            .Select(line => (IReadOnlyList<string>)line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(rank => rank.Count > 0)
            .Reverse()
            .ToList();
        return new LayerOrder(ranks);
    }

    public IEnumerable<string> Layers => Ranks.SelectMany(rank => rank);

    /// <summary>The layers <paramref name="layer"/> must not use: every one above it and its peers.</summary>
    public IReadOnlyList<string> Forbidden(string layer)
    {
        var rank = RankOf(layer);
        return Ranks.Skip(rank).SelectMany(peers => peers).Where(other => other != layer).ToList();
    }

    public int RankOf(string layer)
    {
        for (var rank = 0; rank < Ranks.Count; rank++)
            if (Ranks[rank].Contains(layer))
                return rank;
        throw new InvalidOperationException($"layer {layer} is not in the code map of {Document}");
    }

    public static string Namespace(string layer) => layer == Root ? Root : $"{Root}.{layer}";

    /// <summary>The layer a namespace belongs to, or null for code that is not ours (generated regex helpers).</summary>
    public static string? LayerOf(string? @namespace)
    {
        if (@namespace == Root)
            return Root;
        if (@namespace is null || !@namespace.StartsWith(Root + ".", StringComparison.Ordinal))
            return null;
        return @namespace[(Root.Length + 1)..].Split('.')[0];
    }

    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(TextVaeException).Assembly,
        typeof(TextVae.Tui.TuiApplication).Assembly,
        typeof(TextVae.Cli.TextVaeCommandLine).Assembly,
    ];
}
