using System.CommandLine;
using TextVae.Cli.Commands;
using TextVae.Model;

namespace TextVae.Tests.Cli;

public class ChoiceOptionTests
{
    private static readonly Option<CellKind> Cell = ChoiceOption.Create("--cell", "Cell.", CellKind.Lstm);
    private static readonly RootCommand Root = new() { Cell };

    [Theory]
    [InlineData("gru", CellKind.Gru)]
    [InlineData("Transformer", CellKind.Transformer)]
    public void Accepts_the_spellings_users_type(string typed, CellKind expected) =>
        Assert.Equal(expected, Root.Parse(["--cell", typed]).GetValue(Cell));

    [Fact]
    public void Defaults_when_absent_and_lists_the_values_in_help()
    {
        Assert.Equal(CellKind.Lstm, Root.Parse([]).GetValue(Cell));
        Assert.Equal("lstm|gru|transformer", Cell.HelpName);
    }

    [Fact]
    public void An_unknown_value_names_the_option_and_the_allowed_values()
    {
        var parse = Root.Parse(["--cell", "cnn"]);

        Assert.Equal("--cell: 'cnn' is not one of lstm, gru, transformer", Assert.Single(parse.Errors).Message);
    }
}
