using System.Reflection;
using TextVae.Data;

namespace TextVae.Cli.Commands;

/// <summary>The facts a result file carries about how it was made (Parquet key-value metadata): version, model hash, input, shard.</summary>
public static class ResultMetadata
{
    public static string Version =>
        typeof(Shard).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Dictionary<string, string> Create(string command, string checkpoint, string checkpointSha256, Shard shard, params (string Key, object? Value)[] more)
    {
        var metadata = new Dictionary<string, string>
        {
            ["textvae.version"] = Version,
            ["textvae.command"] = command,
            ["textvae.checkpoint"] = checkpoint,
            ["textvae.checkpoint_sha256"] = checkpointSha256,
            ["textvae.shard"] = shard.ToString(),
        };
        foreach (var (key, value) in more)
            if (value is not null)
                metadata[$"textvae.{key}"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        return metadata;
    }
}
