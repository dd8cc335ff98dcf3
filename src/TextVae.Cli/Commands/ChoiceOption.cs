using System.CommandLine;

namespace TextVae.Cli.Commands;

/// <summary>
/// An option whose value is a closed choice: it accepts the spellings of <see cref="EnumSpelling"/> (and member names
/// in any case), lists them in help and completions, and rejects anything else with the allowed values.
/// </summary>
public static class ChoiceOption
{
    public static Option<T> Create<T>(string name, string description, T defaultValue) where T : struct, Enum
    {
        var names = EnumSpelling.Names<T>();
        var option = new Option<T>(name)
        {
            Description = $"{description} One of {string.Join(", ", names)} (default: {EnumSpelling.Of(defaultValue)}).",
            HelpName = string.Join('|', names),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                    return defaultValue;
                var text = result.Tokens[^1].Value;
                if (EnumSpelling.TryParse<T>(text, out var value))
                    return value;
                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", names)}");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(names.ToArray());
        return option;
    }
}
