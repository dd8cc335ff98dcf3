using System.CommandLine;
using TextVae.Cli;
using TextVae.Cli.Commands;
using TextVae.Decoding;
using TextVae.Model;

namespace TextVae.Tests.Cli;

public class ChoiceOptionTests
{
    private static readonly ChoiceOption<CellKind> Cell = new("--cell", "Cell.", CellKind.Lstm);
    private static readonly RootCommand Root = new() { Cell.Option };

    [Theory]
    [InlineData("gru", CellKind.Gru)]
    [InlineData("Transformer", CellKind.Transformer)]
    public void Accepts_the_spellings_users_type(string typed, CellKind expected) =>
        Assert.Equal(expected, Cell.Read(Root.Parse(["--cell", typed])));

    [Fact]
    public void Defaults_when_absent_and_lists_the_values_in_help()
    {
        Assert.Equal(CellKind.Lstm, Cell.Read(Root.Parse([])));
        Assert.Equal("lstm|gru|transformer", Cell.Option.HelpName);
    }

    [Fact]
    public void An_absent_option_takes_its_default_even_when_it_is_not_the_first_member()
    {
        var gru = new ChoiceOption<CellKind>("--cell", "Cell.", CellKind.Gru);

        Assert.Equal(CellKind.Gru, gru.Read(new RootCommand { gru.Option }.Parse([])));
    }

    [Theory]
    [InlineData("cnn")]
    [InlineData("1")]
    public void An_unknown_value_names_the_option_and_the_allowed_values(string typed)
    {
        var parse = Root.Parse(["--cell", typed]);

        Assert.Equal($"--cell: '{typed}' is not one of lstm, gru, transformer", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void The_strategy_option_reads_hyphenated_choices()
    {
        var command = new Command("sample");
        var decoding = new DecodingCommandOptions(command);
        var root = new RootCommand { command };

        Assert.Equal(DecodingStrategy.TopK, decoding.Read(root.Parse(["sample", "--strategy", "top-k"])).Strategy);
        Assert.Equal(DecodingStrategy.Greedy, decoding.Read(root.Parse(["sample"])).Strategy);
        Assert.Equal("--strategy: 'nucleus' is not one of greedy, temperature, top-k, top-p, beam",
            Assert.Single(root.Parse(["sample", "--strategy", "nucleus"]).Errors).Message);
    }

    [Theory]
    [InlineData("sample", "--strategy <greedy|temperature|top-k|top-p|beam>", "[default: greedy]")]
    [InlineData("interpolate", "--mode <linear|slerp>", "[default: linear]")]
    [InlineData("paraphrase", "--rank <likelihood|distance>", "[default: likelihood]")]
    [InlineData("vocab build", "--kind <word|bpe> (REQUIRED)", "bpe (byte-level subwords)")]
    [InlineData("bench train", "--optimizer <adam|sgd>", "[default: adam]")]
    [InlineData("bench train", "--cell <lstm|gru|transformer>", "[default: lstm]")]
    public async Task Help_lists_the_choices_and_the_default_as_users_type_them(string command, string usage, string detail)
    {
        using var output = new StringWriter();

        await TextVaeCommandLine.RunAsync([.. command.Split(' '), "--help"], output, new StringWriter());

        var line = Assert.Single(output.ToString().Split('\n'), line => line.TrimStart().StartsWith(usage.Split(' ')[0] + " ", StringComparison.Ordinal));
        Assert.Contains(usage, line);
        Assert.Contains(detail, line);
    }
}
