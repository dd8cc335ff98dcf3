using System.Text.Json;
using Parquet;
using Parquet.Schema;
using TextVae.Output;

namespace TextVae.Generation;

/// <summary>
/// Reads back the line, text and posterior mean of each row of a file <c>textvae encode</c> wrote (Parquet or JSON
/// Lines), row group by row group, so a search over a large encoded corpus holds one group at a time.
/// </summary>
public static class LatentCodeReader
{
    /// <param name="checkpointSha256">The model the caller uses: a Parquet file made by another model is refused.</param>
    public static IEnumerable<(long Line, string Text, float[] Mean)> Read(string path, int latentSize, string checkpointSha256)
    {
        if (!File.Exists(path))
            throw new TextVaeException($"encoded file not found: {path}");
        return TableFile.FormatOf(path, "codes") switch
        {
            TableFormat.Parquet => ReadParquet(path, latentSize, checkpointSha256),
            TableFormat.JsonLines => ReadJsonLines(path, latentSize),
            _ => throw new TextVaeException($"{path}: read encoded sentences from .parquet or .jsonl (CSV is for people)"),
        };
    }

    private static IEnumerable<(long, string, float[])> ReadParquet(string path, int latentSize, string checkpointSha256)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            if (reader.CustomMetadata.TryGetValue("textvae.checkpoint_sha256", out var made) && made != checkpointSha256)
                throw new TextVaeException($"{path} was encoded by another model (checkpoint SHA-256 {made[..Math.Min(12, made.Length)]}…); encode the corpus with this one");
            var fields = reader.Schema.GetDataFields();
            DataField Field(string name) => fields.FirstOrDefault(f => f.Name == name)
                ?? throw new TextVaeException($"{path}: no column '{name}'; is this a file from textvae encode with latent size {latentSize}?");
            var line = Field("line");
            var text = Field("text");
            var means = Enumerable.Range(0, latentSize).Select(d => Field($"mean_{d}")).ToArray();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var lines = new long[count];
                var texts = new string?[count];
                group.ReadAsync<long>(line, lines).AsTask().GetAwaiter().GetResult();
                group.ReadAsync(text, texts.AsMemory()).AsTask().GetAwaiter().GetResult();
                var columns = means.Select(field =>
                {
                    var values = new float[count];
                    group.ReadAsync<float>(field, values).AsTask().GetAwaiter().GetResult();
                    return values;
                }).ToArray();
                for (var row = 0; row < count; row++)
                    yield return (lines[row], texts[row] ?? "", columns.Select(column => column[row]).ToArray());
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<(long, string, float[])> ReadJsonLines(string path, int latentSize)
    {
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            (long, string, float[]) row;
            try
            {
                var json = JsonDocument.Parse(text).RootElement;
                row = (json.GetProperty("line").GetInt64(), json.GetProperty("text").GetString() ?? "",
                    json.GetProperty("mean").EnumerateArray().Select(value => value.GetSingle()).ToArray());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new TextVaeException($"{path}:{number}: not a row of textvae encode ({e.Message.Split('\n')[0]})");
            }
            if (row.Item3.Length != latentSize)
                throw new TextVaeException($"{path}:{number}: a mean of {row.Item3.Length} dimensions, the model's latent size is {latentSize}");
            yield return row;
        }
    }
}
