using System.CommandLine;

namespace TextVae.Cli.Commands;

/// <summary>
/// An option whose value is a closed choice: it accepts the spellings of <see cref="EnumSpelling"/> (and member names
/// in any case), lists them in help and completions, and rejects anything else with the allowed values. The option
/// holds the text, so help shows the default as users type it ("[default: top-k]", not the member name).
/// </summary>
public sealed class ChoiceOption<T> where T : struct, Enum
{
    /// <param name="defaultValue">Null for a choice the user must make.</param>
    public ChoiceOption(string name, string description, T? defaultValue)
    {
        var names = EnumSpelling.Names<T>();
        Option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            Required = defaultValue is null,
        };
        if (defaultValue is { } value)
            Option.DefaultValueFactory = _ => EnumSpelling.Of(value);
        Option.CompletionSources.Add(names.ToArray());
        Option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !EnumSpelling.TryParse<T>(result.Tokens[^1].Value, out _))
                result.AddError($"{name}: '{result.Tokens[^1].Value}' is not one of {string.Join(", ", names)}");
        });
    }

    public Option<string> Option { get; }

    /// <summary>The choice of a command line that parsed (the validator has rejected any other text).</summary>
    public T Read(ParseResult parse) =>
        EnumSpelling.TryParse<T>(parse.GetValue(Option), out var value) ? value : throw new InvalidOperationException($"{Option.Name} was not validated");
}
