using System.Text.Json;

namespace TextVae.Training;

/// <summary>Appends <see cref="MetricsRecord"/>s to <c>metrics.jsonl</c> in a run folder, one JSON object a line.</summary>
public sealed class MetricsLog(string path)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    public void Append(MetricsRecord record) =>
        File.AppendAllText(Path, JsonSerializer.Serialize(record, Json) + "\n");

    public IReadOnlyList<MetricsRecord> ReadAll()
    {
        if (!File.Exists(Path))
            return [];
        return File.ReadLines(Path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<MetricsRecord>(line, Json)!)
            .ToList();
    }

    /// <summary>
    /// Drops the records written after <paramref name="step"/>: a resumed run repeats those steps from its
    /// checkpoint, and the curve must not show them twice.
    /// </summary>
    public void TruncateAfter(long step)
    {
        if (!File.Exists(Path))
            return;
        var kept = ReadAll().Where(record => record.Step <= step).Select(record => JsonSerializer.Serialize(record, Json) + "\n");
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, string.Concat(kept));
        File.Move(temporary, Path, overwrite: true);
    }
}
