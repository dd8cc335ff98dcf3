using TextVae.Output;

namespace TextVae.Generation;

/// <summary>The table <c>textvae sample --out</c> writes, one row per sample; the training-corpus column only when that corpus is available.</summary>
public static class SampleFile
{
    public static IReadOnlyList<TableColumn<NumberedSample>> Columns(bool withTrainingCorpus)
    {
        List<TableColumn<NumberedSample>> columns =
        [
            TableColumn<NumberedSample>.Of("sample", ColumnKind.Int64, row => row.Number),
            TableColumn<NumberedSample>.OfText("text", row => row.Sentence.Text),
            TableColumn<NumberedSample>.Of("log_probability", ColumnKind.Float64, row => row.Sentence.LogProbability),
            TableColumn<NumberedSample>.Of("finished", ColumnKind.Boolean, row => row.Sentence.Finished ? 1 : 0),
        ];
        if (withTrainingCorpus)
            columns.Add(TableColumn<NumberedSample>.Of("in_training_corpus", ColumnKind.Boolean, row => row.Sentence.InTrainingCorpus == true ? 1 : 0));
        return columns;
    }

    public static ITableWriter<NumberedSample> Create(string path, bool withTrainingCorpus, IReadOnlyDictionary<string, string> metadata) =>
        TableFile.Create(path, Columns(withTrainingCorpus), metadata);
}
