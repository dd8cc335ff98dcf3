namespace TextVae.Output;

/// <summary>The type of a table column; <see cref="Float32Vector"/> becomes one column per dimension in flat formats.</summary>
public enum ColumnKind
{
    Int64,
    Int32,
    Float64,
    Float32,
    Boolean,
    Text,
    Float32Vector,
}
