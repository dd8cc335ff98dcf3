namespace TextVae.Output;

/// <summary>The formats result tables are written in, chosen by the file's extension.</summary>
public enum TableFormat
{
    /// <summary>.jsonl: one JSON object per row; vectors as arrays.</summary>
    JsonLines,

    /// <summary>.csv: RFC 4180 with a header; vectors as NAME_0 … columns.</summary>
    Csv,

    /// <summary>.parquet: typed columns in row groups, vectors as NAME_0 … float columns, run facts in the file's key-value metadata.</summary>
    Parquet,
}
