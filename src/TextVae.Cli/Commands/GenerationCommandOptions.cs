using System.CommandLine;
using TextVae.Decoding;
using TextVae.Generation;

namespace TextVae.Cli.Commands;

/// <summary>
/// What the commands that decode share: the model options (--checkpoint, --device, --seed, --json) and the decoding
/// options, read and loaded in one order, and the result printed as one JSON document with --json, else as text.
/// </summary>
public sealed class GenerationCommandOptions
{
    private readonly string _command;

    public GenerationCommandOptions(Command command)
    {
        _command = command.Name;
        Model = new ModelCommandOptions(command, seeded: true);
        Decoding = new DecodingCommandOptions(command);
    }

    public ModelCommandOptions Model { get; }
    public DecodingCommandOptions Decoding { get; }

    /// <summary>Reads the decoding options (a wrong one fails before the model loads), loads the model, generates and prints.</summary>
    public int Run(ParseResult parse, Func<TextGenerator, DecodingOptions, int, GenerationReport> generate)
    {
        var options = Decoding.Read(parse);
        using var generator = Model.Load(parse);
        Write(parse, generator, generate(generator, options, parse.GetValue(Model.Seed)));
        return 0;
    }

    public void Write(ParseResult parse, TextGenerator generator, GenerationReport report)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(Model.Json))
            GenerationOutput.WriteJson(output, _command, generator, report.Inputs, report.Settings, report.Outputs);
        else
            report.WriteText(output);
    }
}
