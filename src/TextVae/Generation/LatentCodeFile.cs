using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextVae.Generation;

/// <summary>Writes latent codes for users' own analysis: JSON Lines (one object per sentence) or CSV (one row per sentence).</summary>
public static class LatentCodeFile
{
    public static readonly string[] Extensions = [".jsonl", ".csv"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, // like every JSON a user parses (README: "JSON output")
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The format follows the extension of <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<LatentCode> codes)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw new InvalidParameterException("outputPath", $"{path}: the file name must end in .jsonl or .csv (the format follows it)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        if (extension == ".csv")
            WriteCsv(writer, codes);
        else
            WriteJsonLines(writer, codes);
    }

    private static void WriteJsonLines(StreamWriter writer, IReadOnlyList<LatentCode> codes)
    {
        foreach (var code in codes)
        {
            var row = new { text = code.Input.Text, tokens = code.Input.Ids.Length, mean = code.Mean, variance = code.Variance };
            writer.Write(JsonSerializer.Serialize(row, Json));
            writer.Write('\n');
        }
    }

    private static void WriteCsv(StreamWriter writer, IReadOnlyList<LatentCode> codes)
    {
        var latent = codes.Count > 0 ? codes[0].Mean.Length : 0;
        var header = new[] { "text", "tokens" }
            .Concat(Enumerable.Range(0, latent).Select(i => $"mean_{i}"))
            .Concat(Enumerable.Range(0, latent).Select(i => $"variance_{i}"));
        writer.Write(string.Join(',', header));
        writer.Write('\n');
        foreach (var code in codes)
        {
            var numbers = code.Mean.Concat(code.Variance).Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(string.Join(',', new[] { Quote(code.Input.Text), code.Input.Ids.Length.ToString(CultureInfo.InvariantCulture) }.Concat(numbers)));
            writer.Write('\n');
        }
    }

    /// <summary>RFC 4180: a field in double quotes, inner quotes doubled, so commas and quotes in sentences survive.</summary>
    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";
}
