using TextVae.Output;

namespace TextVae.Evaluation;

/// <summary>The table <c>textvae score</c> writes, one row per sentence, in nats: the names of <c>score --json</c>.</summary>
public static class SentenceScoreFile
{
    public static readonly IReadOnlyList<TableColumn<SentenceScore>> Columns =
    [
        TableColumn<SentenceScore>.Of("line", ColumnKind.Int64, row => row.Line),
        TableColumn<SentenceScore>.OfText("text", row => row.Text),
        TableColumn<SentenceScore>.Of("tokens", ColumnKind.Int32, row => row.Tokens),
        TableColumn<SentenceScore>.Of("elbo", ColumnKind.Float64, row => row.Elbo),
        TableColumn<SentenceScore>.Of("rec", ColumnKind.Float64, row => row.Reconstruction),
        TableColumn<SentenceScore>.Of("kl", ColumnKind.Float64, row => row.Kl),
        TableColumn<SentenceScore>.Of("iw_nll", ColumnKind.Float64, row => row.IwNll),
        TableColumn<SentenceScore>.Of("nll_per_token", ColumnKind.Float64, row => row.NllPerToken),
        TableColumn<SentenceScore>.Of("rec_at_mean", ColumnKind.Float64, row => row.ReconstructionAtMean),
    ];

    /// <summary>Opens <paramref name="path"/> (.jsonl, .csv or .parquet) for score rows.</summary>
    public static ITableWriter<SentenceScore> Create(string path, IReadOnlyDictionary<string, string> metadata) =>
        TableFile.Create(path, Columns, metadata);
}
