using System.Text.Json;

namespace TextVae;

/// <summary>
/// How a closed choice is spelt wherever users read or write it (configuration files, checkpoints, metrics, command
/// line): the member name in lower-case kebab form, so <c>Lstm</c> is "lstm" and <c>TopK</c> is "top-k".
/// </summary>
public static class EnumSpelling
{
    public static string Of<T>(T value) where T : struct, Enum => Spell(value.ToString());

    public static IReadOnlyList<string> Names(Type enumType) => Enum.GetNames(enumType).Select(Spell).ToArray();

    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => Names(typeof(T));

    /// <summary>Accepts the spelling above or the member name, in any case; numbers are not choices.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var member in Enum.GetValues<T>())
            if (string.Equals(text, Of(member), StringComparison.OrdinalIgnoreCase) || string.Equals(text, member.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        value = default;
        return false;
    }

    internal static string Spell(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
