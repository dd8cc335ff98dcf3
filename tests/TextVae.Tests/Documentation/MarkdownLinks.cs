using System.Text;
using System.Text.RegularExpressions;

namespace TextVae.Tests.Documentation;

/// <summary>Inline links and images of a Markdown text, outside fenced code blocks, and where they lead.</summary>
internal static partial class MarkdownLinks
{
    public sealed record Link(int Line, string Target);

    public static IEnumerable<Link> Find(string markdown)
    {
        var inFence = false;
        var lines = markdown.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
                continue;
            foreach (Match match in InlineLink().Matches(WithoutCodeSpans(line)))
                yield return new Link(index + 1, match.Groups["target"].Value);
        }
    }

    public static bool IsExternal(string target) =>
        UriScheme().IsMatch(target);

    /// <summary>Why a relative link from <paramref name="document"/> is broken, or null when it is not.</summary>
    public static string? Problem(string document, string target)
    {
        var hash = target.IndexOf('#');
        var file = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = file.Length == 0
            ? document
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(file)));

        if (!File.Exists(resolved))
            return Directory.Exists(resolved) && anchor is null ? null : "no such file";
        if (anchor is null || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return null;
        return Headings(File.ReadAllText(resolved)).Contains(anchor) ? null : "no such heading";
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
                slug.Append(c);
            else if (c == ' ')
                slug.Append('-');
        }
        return slug.ToString();
    }

    private static HashSet<string> Headings(string markdown)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                inFence = !inFence;
            else if (!inFence && Heading().Match(line) is { Success: true } match)
                slugs.Add(Slug(match.Groups["text"].Value));
        }
        return slugs;
    }

    private static string WithoutCodeSpans(string line) => CodeSpan().Replace(line, "");

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
