using Parquet;
using Parquet.Schema;

namespace TextVae.Output;

/// <summary>
/// Parquet through Parquet.Net: one typed column per field (a vector becomes NAME_0 … float columns, which every
/// reader understands), rows buffered and written in row groups of <see cref="RowGroupRows"/>, so memory stays flat
/// however many rows there are. Snappy-compressed; the constructor's <c>metadata</c> goes into the file's key-value metadata.
/// </summary>
public sealed class ParquetTableWriter<TRow> : ITableWriter<TRow>
{
    public const int RowGroupRows = 16_384;

    private readonly OutputFile _file;
    private readonly IReadOnlyList<TableColumn<TRow>> _columns;
    private readonly List<DataField[]> _fields;
    private readonly ParquetWriter _writer;
    private readonly List<TRow> _buffer = new(RowGroupRows);
    private bool _finished;

    public ParquetTableWriter(OutputFile file, IReadOnlyList<TableColumn<TRow>> columns, IReadOnlyDictionary<string, string> metadata)
    {
        _file = file;
        _columns = columns;
        _fields = columns.Select(column => column.FlatNames.Select(name => new DataField(name, ClrType(column.Kind), isNullable: false)).ToArray()).ToList();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields.SelectMany(fields => fields)), file.Stream, options).GetAwaiter().GetResult();
        _writer.CustomMetadata = metadata.ToDictionary();
    }

    public void Write(TRow row)
    {
        _buffer.Add(row);
        if (_buffer.Count == RowGroupRows)
            Flush();
    }

    private void Flush()
    {
        if (_buffer.Count == 0)
            return;
        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < _columns.Count; c++)
        {
            var column = _columns[c];
            var fields = _fields[c];
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    group.WriteAsync(fields[0], _buffer.Select(column.Text!).ToArray()).GetAwaiter().GetResult();
                    break;
                case ColumnKind.Float32Vector:
                    var vectors = _buffer.Select(column.Vector!).ToArray();
                    for (var d = 0; d < fields.Length; d++)
                        group.WriteAsync<float>(fields[d], vectors.Select(vector => vector[d]).ToArray()).GetAwaiter().GetResult();
                    break;
                case ColumnKind.Boolean:
                    group.WriteAsync<bool>(fields[0], _buffer.Select(row => column.Number!(row) != 0).ToArray()).GetAwaiter().GetResult();
                    break;
                case ColumnKind.Float32:
                    group.WriteAsync<float>(fields[0], _buffer.Select(row => (float)column.Number!(row)).ToArray()).GetAwaiter().GetResult();
                    break;
                case ColumnKind.Float64:
                    group.WriteAsync<double>(fields[0], _buffer.Select(column.Number!).ToArray()).GetAwaiter().GetResult();
                    break;
                case ColumnKind.Int32:
                    group.WriteAsync<int>(fields[0], _buffer.Select(row => (int)column.Number!(row)).ToArray()).GetAwaiter().GetResult();
                    break;
                default:
                    group.WriteAsync<long>(fields[0], _buffer.Select(row => (long)column.Number!(row)).ToArray()).GetAwaiter().GetResult();
                    break;
            }
        }
        _buffer.Clear();
    }

    public void Commit()
    {
        Flush();
        _finished = true;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); // writes the footer
        _file.Commit();
    }

    public void Dispose()
    {
        if (!_finished)
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Dispose(); // without a commit: removes the temporary file
    }

    private static Type ClrType(ColumnKind kind) => kind switch
    {
        ColumnKind.Int64 => typeof(long),
        ColumnKind.Int32 => typeof(int),
        ColumnKind.Float64 => typeof(double),
        ColumnKind.Float32 or ColumnKind.Float32Vector => typeof(float),
        ColumnKind.Boolean => typeof(bool),
        _ => typeof(string),
    };
}
