namespace TextVae.Tests.Documentation;

/// <summary>
/// Every relative link in README.md, CHANGELOG.md and docs/ points at a file or folder that exists, and a link to a
/// heading of a Markdown file (<c>file.md#heading</c>) at a heading that exists, slugged as GitHub does.
/// </summary>
public class DocumentLinkTests
{
    public static TheoryData<string> Documents()
    {
        var root = RepositoryFiles.Root;
        var files = new[] { "README.md", "CHANGELOG.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_points_at_something_that_exists(string document)
    {
        var path = RepositoryFiles.Get(document);
        var broken = MarkdownLinks.Find(File.ReadAllText(path))
            .Where(link => !MarkdownLinks.IsExternal(link.Target))
            .Where(link => MarkdownLinks.Problem(path, link.Target) is not null)
            .Select(link => $"line {link.Line}: {link.Target} ({MarkdownLinks.Problem(path, link.Target)})")
            .ToArray();

        Assert.True(broken.Length == 0, $"{document}: {string.Join("; ", broken)}");
    }

    [Fact]
    public void The_readme_links_every_topic_of_the_manual()
    {
        var readme = File.ReadAllText(RepositoryFiles.Get("README.md"));
        var unlinked = Directory.EnumerateFiles(RepositoryFiles.Get("docs"), "*.md")
            .Select(Path.GetFileName)
            .Where(name => !readme.Contains($"(docs/{name})", StringComparison.Ordinal))
            .ToArray();

        Assert.True(unlinked.Length == 0, $"README does not link: {string.Join(", ", unlinked)}");
    }

    [Fact]
    public void Links_in_code_blocks_and_external_links_are_not_followed()
    {
        const string text = "See [a](a.md) and [web](https://example.org).\n```\n[b](missing.md)\n```\n![c](img/c.png#x)\n";

        var links = MarkdownLinks.Find(text).ToArray();

        Assert.Equal(["a.md", "https://example.org", "img/c.png#x"], links.Select(link => link.Target));
        Assert.Equal([1, 1, 5], links.Select(link => link.Line));
        Assert.True(MarkdownLinks.IsExternal("https://example.org"));
    }

    [Theory]
    [InlineData("The latent map (F6)", "the-latent-map-f6")]
    [InlineData("Reproducing Bowman et al. (2016) on the Penn Treebank", "reproducing-bowman-et-al-2016-on-the-penn-treebank")]
    [InlineData("Errors and exit codes", "errors-and-exit-codes")]
    [InlineData("The `--json` output", "the---json-output")]
    public void Headings_are_slugged_as_github_does(string heading, string slug) =>
        Assert.Equal(slug, MarkdownLinks.Slug(heading));
}
