using System.Reflection;

namespace TextVae;

/// <summary>
/// This build's version, from the git tags (MinVer): <c>0.1.0</c> on a tagged commit, <c>0.1.1-alpha.0.4</c> four
/// commits after it, <c>0.0.0-alpha.0.N</c> in a clone without tags; a <c>+commit</c> suffix names the source revision.
/// </summary>
public static class TextVaeVersion
{
    public static string Current { get; } =
        typeof(TextVaeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(TextVaeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
