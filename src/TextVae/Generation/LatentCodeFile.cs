using TextVae.Output;

namespace TextVae.Generation;

/// <summary>
/// The table <c>textvae encode</c> writes, one row per sentence: line, text, tokens, then the posterior mean and
/// variance (arrays in JSON Lines; mean_0 …, variance_0 … columns in CSV and Parquet).
/// </summary>
public static class LatentCodeFile
{
    public static IReadOnlyList<TableColumn<EncodedSentence>> Columns(int latentSize) =>
    [
        TableColumn<EncodedSentence>.Of("line", ColumnKind.Int64, row => row.Line),
        TableColumn<EncodedSentence>.OfText("text", row => row.Text),
        TableColumn<EncodedSentence>.Of("tokens", ColumnKind.Int32, row => row.Tokens),
        TableColumn<EncodedSentence>.OfVector("mean", latentSize, row => row.Mean),
        TableColumn<EncodedSentence>.OfVector("variance", latentSize, row => row.Variance),
    ];

    /// <summary>Opens <paramref name="path"/> (.jsonl, .csv or .parquet) for rows of this layout.</summary>
    public static ITableWriter<EncodedSentence> Create(string path, int latentSize, IReadOnlyDictionary<string, string> metadata) =>
        TableFile.Create(path, Columns(latentSize), metadata);
}
