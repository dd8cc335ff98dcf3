using System.CommandLine;
using TextVae.Decoding;

namespace TextVae.Cli.Commands;

/// <summary>The decoding options (--strategy and its parameters, --max-len), defined once for every command that decodes.</summary>
public sealed class DecodingCommandOptions
{
    private static readonly DecodingOptions Defaults = new();

    private readonly ChoiceOption<DecodingStrategy> _strategy = new("--strategy",
        "How tokens are chosen: greedy, temperature (sampling), top-k, top-p (nucleus) or beam.", Defaults.Strategy);

    private readonly Option<double> _temperature = new("--temperature")
    {
        Description = "Sampling temperature T for temperature, top-k and top-p: logits are divided by T.",
        DefaultValueFactory = _ => Defaults.Temperature,
    };

    private readonly Option<int> _topK = new("--top-k") { Description = "top-k: sample among the K most likely tokens.", DefaultValueFactory = _ => Defaults.TopK };

    private readonly Option<double> _topP = new("--top-p")
    {
        Description = "top-p: sample among the most likely tokens whose probability adds up to P.",
        DefaultValueFactory = _ => Defaults.TopP,
    };

    private readonly Option<int> _beam = new("--beam") { Description = "beam: hypotheses kept per sentence (W).", DefaultValueFactory = _ => Defaults.BeamWidth };

    private readonly Option<int> _maxLength = new("--max-len")
    {
        Description = "Tokens generated at most per sentence, <eos> included.",
        DefaultValueFactory = _ => Defaults.MaxLength,
    };

    private readonly Option<bool> _allowUnknown = new("--allow-unk") { Description = "Let the decoder emit <unk> (left out by default)." };

    public DecodingCommandOptions(Command command)
    {
        foreach (var option in new Option[] { _strategy.Option, _temperature, _topK, _topP, _beam, _maxLength, _allowUnknown })
            command.Options.Add(option);
    }

    public DecodingOptions Read(ParseResult parse) => new DecodingOptions
    {
        Strategy = _strategy.Read(parse),
        Temperature = parse.GetValue(_temperature),
        TopK = parse.GetValue(_topK),
        TopP = parse.GetValue(_topP),
        BeamWidth = parse.GetValue(_beam),
        MaxLength = parse.GetValue(_maxLength),
        AllowUnknown = parse.GetValue(_allowUnknown),
    }.Validate();
}
