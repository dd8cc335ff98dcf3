using System.Text.Json;
using Parquet;
using Parquet.Schema;
using TextVae.Output;

namespace TextVae.Tests.Output;

public class TableFileTests
{
    private sealed record Row(long Line, string Text, double Score, float[] Mean, bool Flag);

    private static readonly IReadOnlyList<TableColumn<Row>> Columns =
    [
        TableColumn<Row>.Of("line", ColumnKind.Int64, row => row.Line),
        TableColumn<Row>.OfText("text", row => row.Text),
        TableColumn<Row>.Of("score", ColumnKind.Float64, row => row.Score),
        TableColumn<Row>.OfVector("mean", 2, row => row.Mean),
        TableColumn<Row>.Of("flag", ColumnKind.Boolean, row => row.Flag ? 1 : 0),
    ];

    private static Row[] Rows(int count) => Enumerable.Range(0, count)
        .Select(i => new Row(10_000_000_000L + i, i % 2 == 0 ? $"Grüße \"{i}\", ok" : "a,b", i / 3.0, [i * 0.5f, -i], i % 3 == 0)).ToArray();

    private static void Write(string path, IEnumerable<Row> rows, Dictionary<string, string>? metadata = null)
    {
        using var writer = TableFile.Create(path, Columns, metadata ?? []);
        foreach (var row in rows)
            writer.Write(row);
        writer.Commit();
    }

    [Fact]
    public async Task Parquet_holds_typed_named_columns_in_row_groups_and_the_metadata()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("rows.parquet");
        var rows = Rows(ParquetTableWriter<Row>.RowGroupRows + 5);
        Write(path, rows, new Dictionary<string, string> { ["textvae.checkpoint_sha256"] = "abc", ["textvae.version"] = "1.2.3" });

        Assert.True(TableFile.IsComplete(path));
        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(2, reader.RowGroupCount);
        Assert.Equal("abc", reader.CustomMetadata["textvae.checkpoint_sha256"]);
        Assert.Equal("1.2.3", reader.CustomMetadata["textvae.version"]);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["line", "text", "score", "mean_0", "mean_1", "flag"], fields.Select(f => f.Name));
        // Parquet.Net 6 reports a UTF-8 string column as ReadOnlyMemory<char>; its values read back as strings below.
        Assert.Equal([typeof(long), typeof(double), typeof(float), typeof(float), typeof(bool)], fields.Where(f => f.Name != "text").Select(f => f.ClrType));
        var lines = new List<long>();
        var texts = new List<string>();
        var means = new List<float>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var lineValues = new long[count];
            await group.ReadAsync<long>(fields[0], lineValues);
            lines.AddRange(lineValues);
            var textValues = new string?[count];
            await group.ReadAsync(fields[1], textValues.AsMemory());
            texts.AddRange(textValues!);
            var meanValues = new float[count];
            await group.ReadAsync<float>(fields[4], meanValues);
            means.AddRange(meanValues);
        }
        Assert.Equal(rows.Select(r => r.Line), lines);
        Assert.Equal(rows.Select(r => r.Text), texts);
        Assert.Equal(rows.Select(r => r.Mean[1]), means);
    }

    [Fact]
    public void Json_lines_and_csv_hold_the_same_rows()
    {
        using var directory = new TemporaryDirectory();
        var rows = Rows(3);
        Write(directory.File("rows.jsonl"), rows);
        Write(directory.File("rows.csv"), rows);

        var json = File.ReadAllLines(directory.File("rows.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["line", "text", "score", "mean", "flag"], json[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(rows.Select(r => r.Text), json.Select(j => j.GetProperty("text").GetString()));
        Assert.Equal(rows[2].Score, json[2].GetProperty("score").GetDouble());
        Assert.Equal(rows[2].Mean, json[2].GetProperty("mean").EnumerateArray().Select(v => v.GetSingle()));
        var csv = File.ReadAllLines(directory.File("rows.csv"));
        Assert.Equal("line,text,score,mean_0,mean_1,flag", csv[0]);
        Assert.Equal("10000000000,\"Grüße \"\"0\"\", ok\",0,0,0,true", csv[1]);
    }

    [Fact]
    public void An_unfinished_table_leaves_nothing_under_its_name_and_a_killed_writers_leftovers_are_removed()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("rows.parquet");
        using (var writer = TableFile.Create(path, Columns, new Dictionary<string, string>()))
            writer.Write(Rows(1)[0]); // no commit: an error or a signal stopped the work

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(directory.Path));

        var leftover = directory.WriteBytes("rows.parquet.partial-node7-123-abc", [1, 2, 3]); // what kill -9 leaves
        Write(path, Rows(2));
        Assert.False(File.Exists(leftover));
        Assert.True(TableFile.IsComplete(path));
        File.WriteAllBytes(path, [0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.False(TableFile.IsComplete(path)); // no footer: not a finished Parquet file
    }

    [Fact]
    public void An_unknown_extension_is_an_error_naming_the_formats()
    {
        var error = Assert.Throws<InvalidParameterException>(() => TableFile.FormatOf("rows.txt", "outputPath"));
        Assert.Equal("outputPath", error.Parameter);
        Assert.Contains("outputPath: rows.txt", error.Message);
        Assert.Contains(".parquet", error.Message);
    }
}
