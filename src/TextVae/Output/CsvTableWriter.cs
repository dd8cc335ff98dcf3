using System.Globalization;
using System.Text;

namespace TextVae.Output;

/// <summary>RFC 4180 CSV with a header row; text in double quotes (inner quotes doubled), vectors as NAME_0 … columns.</summary>
public sealed class CsvTableWriter<TRow> : ITableWriter<TRow>
{
    private readonly OutputFile _file;
    private readonly IReadOnlyList<TableColumn<TRow>> _columns;
    private readonly StreamWriter _writer;
    private readonly List<string> _fields = [];
    private bool _finished;

    public CsvTableWriter(OutputFile file, IReadOnlyList<TableColumn<TRow>> columns)
    {
        _file = file;
        _columns = columns;
        _writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', columns.SelectMany(column => column.FlatNames)));
    }

    public void Write(TRow row)
    {
        _fields.Clear();
        foreach (var column in _columns)
        {
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    _fields.Add("\"" + column.Text!(row).Replace("\"", "\"\"") + "\"");
                    break;
                case ColumnKind.Float32Vector:
                    _fields.AddRange(column.Vector!(row).Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
                    break;
                case ColumnKind.Boolean:
                    _fields.Add(column.Number!(row) != 0 ? "true" : "false");
                    break;
                case ColumnKind.Float32:
                    _fields.Add(((float)column.Number!(row)).ToString("R", CultureInfo.InvariantCulture));
                    break;
                case ColumnKind.Float64:
                    _fields.Add(column.Number!(row).ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    _fields.Add(((long)column.Number!(row)).ToString(CultureInfo.InvariantCulture));
                    break;
            }
        }
        _writer.WriteLine(string.Join(',', _fields));
    }

    public void Commit()
    {
        _writer.Flush();
        _finished = true;
        _file.Commit();
    }

    public void Dispose()
    {
        if (!_finished)
            _writer.Dispose();
        _file.Dispose(); // without a commit: removes the temporary file
    }
}
