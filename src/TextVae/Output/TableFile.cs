namespace TextVae.Output;

/// <summary>Opens a result table for writing in the format its extension names (<see cref="TableFormat"/>).</summary>
public static class TableFile
{
    public static readonly IReadOnlyDictionary<string, TableFormat> Extensions = new Dictionary<string, TableFormat>
    {
        [".jsonl"] = TableFormat.JsonLines,
        [".csv"] = TableFormat.Csv,
        [".parquet"] = TableFormat.Parquet,
    };

    /// <summary>The format of <paramref name="path"/>; an unknown extension is an error naming <paramref name="parameter"/>.</summary>
    public static TableFormat FormatOf(string path, string parameter = "outputPath") =>
        Extensions.TryGetValue(Path.GetExtension(path).ToLowerInvariant(), out var format)
            ? format
            : throw new InvalidParameterException(parameter, $": {path}: the file name must end in {string.Join(", ", Extensions.Keys)} (the format follows it)");

    /// <summary>
    /// Whether a complete table is already at <paramref name="path"/>: any file there was renamed into place only when
    /// complete; a Parquet file must also end with its footer's magic bytes.
    /// </summary>
    public static bool IsComplete(string path)
    {
        if (!File.Exists(path))
            return false;
        if (FormatOf(path) != TableFormat.Parquet)
            return true;
        using var stream = File.OpenRead(path);
        if (stream.Length < 12)
            return false;
        stream.Seek(-4, SeekOrigin.End);
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        return magic.SequenceEqual("PAR1"u8);
    }

    /// <param name="metadata">Facts about the run (model hash, version, shard); kept in Parquet's file metadata, not in JSONL or CSV.</param>
    public static ITableWriter<TRow> Create<TRow>(string path, IReadOnlyList<TableColumn<TRow>> columns, IReadOnlyDictionary<string, string> metadata)
    {
        var format = FormatOf(path);
        OutputFile.RemoveStale(path);
        var file = OutputFile.Create(path);
        try
        {
            return format switch
            {
                TableFormat.Csv => new CsvTableWriter<TRow>(file, columns),
                TableFormat.Parquet => new ParquetTableWriter<TRow>(file, columns, metadata),
                _ => new JsonLinesTableWriter<TRow>(file, columns),
            };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
