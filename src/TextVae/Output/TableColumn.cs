namespace TextVae.Output;

/// <summary>
/// One named, typed column of a result table and how to read it from a row. Numbers are read as doubles, which
/// hold every int64 below 2^53, every int32 and every float exactly; each writer stores them as <see cref="Kind"/>.
/// </summary>
public sealed record TableColumn<TRow>
{
    private TableColumn(string name, ColumnKind kind) => (Name, Kind) = (name, kind);

    public string Name { get; }
    public ColumnKind Kind { get; }
    public Func<TRow, double>? Number { get; private init; }
    public Func<TRow, string>? Text { get; private init; }
    public Func<TRow, float[]>? Vector { get; private init; }

    /// <summary>Dimensions of a <see cref="ColumnKind.Float32Vector"/> column.</summary>
    public int Dimensions { get; private init; }

    /// <summary>Names of the flat columns: the name itself, or NAME_0 … NAME_{d−1} for a vector.</summary>
    public IEnumerable<string> FlatNames => Kind == ColumnKind.Float32Vector
        ? Enumerable.Range(0, Dimensions).Select(d => $"{Name}_{d}")
        : [Name];

    public static TableColumn<TRow> Of(string name, ColumnKind kind, Func<TRow, double> value)
    {
        if (kind is ColumnKind.Text or ColumnKind.Float32Vector)
            throw new ArgumentException($"column {name}: {kind} is not a number", nameof(kind));
        return new TableColumn<TRow>(name, kind) { Number = value };
    }

    public static TableColumn<TRow> OfText(string name, Func<TRow, string> value) => new(name, ColumnKind.Text) { Text = value };

    public static TableColumn<TRow> OfVector(string name, int dimensions, Func<TRow, float[]> value) =>
        new(name, ColumnKind.Float32Vector) { Vector = value, Dimensions = dimensions };
}
