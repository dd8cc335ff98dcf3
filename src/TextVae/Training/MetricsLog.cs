using System.Text.Json;

namespace TextVae.Training;

/// <summary>Appends <see cref="MetricsRecord"/>s to <c>metrics.jsonl</c> in a run folder, one JSON object a line.</summary>
public sealed class MetricsLog(string path)
{
    // snake_case like every JSON a user parses (docs/cli.md, "JSON output").
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Path { get; } = path;

    public void Append(MetricsRecord record)
    {
        try
        {
            File.AppendAllText(Path, JsonSerializer.Serialize(record, Json) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"could not write {Path}: {e.Message}", e);
        }
    }

    public IReadOnlyList<MetricsRecord> ReadAll()
    {
        if (!File.Exists(Path))
            return [];
        var text = File.ReadAllText(Path);
        // A process killed mid-append leaves a last line without its newline: drop it, a resumed run repeats that step.
        var lines = text[..(text.LastIndexOf('\n') + 1)].Split('\n');
        var records = new List<MetricsRecord>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<MetricsRecord>(lines[i], Json) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new TextVaeException($"{Path}:{i + 1}: not a metrics record ({e.Message.Split('\n')[0]})", e);
            }
        }
        return records;
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
