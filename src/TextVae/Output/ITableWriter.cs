namespace TextVae.Output;

/// <summary>Writes result rows as they come; the file appears under its name only after <see cref="Commit"/>.</summary>
public interface ITableWriter<in TRow> : IDisposable
{
    void Write(TRow row);

    /// <summary>Finishes the file and gives it its final name.</summary>
    void Commit();
}
