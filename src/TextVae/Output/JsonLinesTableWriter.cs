using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextVae.Output;

/// <summary>One JSON object per line, keys in column order; vectors as arrays, ±∞ and NaN as the strings .NET writes for them.</summary>
public sealed class JsonLinesTableWriter<TRow>(OutputFile file, IReadOnlyList<TableColumn<TRow>> columns) : ITableWriter<TRow>
{
    private bool _finished;
    private readonly Utf8JsonWriter _json = new(file.Stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    public void Write(TRow row)
    {
        _json.WriteStartObject();
        foreach (var column in columns)
        {
            _json.WritePropertyName(column.Name);
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    _json.WriteStringValue(column.Text!(row));
                    break;
                case ColumnKind.Float32Vector:
                    _json.WriteStartArray();
                    foreach (var value in column.Vector!(row))
                        WriteNumber(value);
                    _json.WriteEndArray();
                    break;
                case ColumnKind.Boolean:
                    _json.WriteBooleanValue(column.Number!(row) != 0);
                    break;
                case ColumnKind.Float32:
                    WriteNumber((float)column.Number!(row));
                    break;
                case ColumnKind.Float64:
                    WriteNumber(column.Number!(row));
                    break;
                default:
                    _json.WriteNumberValue((long)column.Number!(row));
                    break;
            }
        }
        _json.WriteEndObject();
        _json.Flush();
        file.Stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    private void WriteNumber(double value)
    {
        if (double.IsFinite(value))
            _json.WriteNumberValue(value);
        else
            _json.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void WriteNumber(float value)
    {
        if (float.IsFinite(value))
            _json.WriteNumberValue(value);
        else
            _json.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Commit()
    {
        _json.Flush();
        _finished = true;
        file.Commit();
    }

    public void Dispose()
    {
        if (!_finished)
            _json.Dispose();
        file.Dispose(); // without a commit: removes the temporary file
    }
}
