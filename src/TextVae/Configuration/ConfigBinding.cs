using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace TextVae.Configuration;

/// <summary>
/// Binds configuration sections to typed records strictly: an unknown key or a value of the wrong type is a
/// one-line <see cref="TextVaeException"/> naming the key in the dotted form users write (<c>data.batchSize</c>).
/// </summary>
public static partial class ConfigBinding
{
    public static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var node = configuration.GetSection(section);
        try
        {
            return node.Get<T>(options => options.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new TextVaeException(Describe(e, section));
        }
    }

    /// <summary>
    /// Binds <paramref name="section"/> over <paramref name="current"/>, which it changes in place (pass a copy of a
    /// record): keys present in the section replace its values, the others keep them.
    /// </summary>
    public static T BindOver<T>(IConfiguration configuration, string section, T current) where T : class
    {
        try
        {
            configuration.GetSection(section).Bind(current, options => options.ErrorOnUnknownConfiguration = true);
            return current;
        }
        catch (InvalidOperationException e)
        {
            throw new TextVaeException(Describe(e, section));
        }
    }

    /// <summary>Rejects top-level sections that no record reads, such as a misspelt <c>"trainig"</c>.</summary>
    public static void RequireKnownSections(IConfiguration configuration, params string[] sections)
    {
        foreach (var child in configuration.GetChildren())
            if (!sections.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                throw new TextVaeException($"unknown configuration section '{child.Key}' (known: {string.Join(", ", sections)})");
    }

    /// <summary>Turns overrides such as <c>data.batchSize=64</c> into configuration keys (<c>data:batchSize</c>).</summary>
    public static Dictionary<string, string?> ParseOverrides(IEnumerable<string> assignments)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=');
            if (equals <= 0)
                throw new InvalidParameterException("overrides", $"'{assignment}': expected key=value, for example data.batchSize=64");
            result[assignment[..equals].Trim().Replace('.', ':')] = assignment[(equals + 1)..].Trim();
        }
        return result;
    }

    private static string Describe(InvalidOperationException error, string section)
    {
        var message = error.Message;
        var conversion = ConversionFailure().Match(message);
        if (conversion.Success)
        {
            var key = JsonSpelling(conversion.Groups["key"].Value);
            var value = conversion.Groups["value"].Value;
            var type = typeof(ConfigBinding).Assembly.GetType(conversion.Groups["type"].Value);
            if (type is { IsEnum: true })
                return $"{key}: '{value}' is not one of {string.Join(", ", EnumSpelling.Names(type))}";
            return $"{key}: '{value}' is not a valid {FriendlyTypeName(conversion.Groups["type"].Value)}";
        }
        var unknown = UnknownProperties().Match(message);
        if (unknown.Success)
            return $"unknown configuration key in '{section}': {string.Join(", ", unknown.Groups["names"].Value.Split(',').Select(name => JsonSpelling($"{section}:{name.Trim().Trim('\'')}")))}";
        return $"configuration section '{section}': {message.Split('\n')[0]}";
    }

    /// <summary>The binder reports C# property names; users write camelCase JSON keys separated by dots.</summary>
    private static string JsonSpelling(string key) =>
        string.Join('.', key.Split(':').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string FriendlyTypeName(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "whole number",
        "System.Double" or "System.Single" => "number",
        "System.Boolean" => "true/false value",
        _ => type,
    };

    [GeneratedRegex(@"value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex(@"properties were not found on the instance of [^:]+: (?<names>.+)$")]
    private static partial Regex UnknownProperties();
}
