using System.CommandLine;
using TextVae.Cli;

namespace TextVae.Tests.Cli;

/// <summary>Every command of the real command tree, found by walking it, prints its help and exits 0.</summary>
public sealed class HelpTests
{
    /// <summary>"" for the root, then "sample", …, "bench train", …: every command, depth first.</summary>
    private static List<string> Paths()
    {
        var paths = new List<string>();
        void Walk(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands)
                Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
        }
        Walk(TextVaeCommandLine.Build(), "");
        return paths;
    }

    public static TheoryData<string> CommandPaths() => new(Paths());

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_prints_usage_and_exits_zero(string path)
    {
        var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await TextVaeCommandLine.RunAsync([.. args, "--help"], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Usage:", output.ToString());
        Assert.Contains($" {path} ", output.ToString().Replace('\n', ' ')); // the usage line names the command (the root's name is the host's)
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void The_walk_reaches_the_nested_subcommands()
    {
        var paths = Paths();

        Assert.Contains("export", paths);
        Assert.Contains(paths, path => path.StartsWith("vocab ", StringComparison.Ordinal));
        Assert.Contains(paths, path => path.StartsWith("bench ", StringComparison.Ordinal));
    }
}
