using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TextVae.Tui;

/// <summary>
/// "Save as:" and a file name, shown in place of the status line when the user saves; the name starts as
/// textvae-VIEW-DATE.txt (today's date, numbered when that file exists), so Enter alone saves without overwriting.
/// </summary>
public sealed class SavePrompt : View
{
    public SavePrompt()
    {
        Width = Dim.Fill();
        Height = 1;
        Visible = false;
        CanFocus = true;
        var caption = new Label { Text = "Save as (Enter saves, Esc cancels):", X = 0, Y = 0 };
        FileName = new TextField { X = Pos.Right(caption) + 1, Y = 0, Width = Dim.Fill() };
        Add(caption, FileName);
    }

    public TextField FileName { get; }

    /// <summary>The first of textvae-VIEW-DATE.txt, textvae-VIEW-DATE-2.txt, … that does not exist in <paramref name="directory"/>.</summary>
    public static string DefaultName(string directory, string view, DateTime today)
    {
        var stem = $"textvae-{view.ToLowerInvariant()}-{today:yyyy-MM-dd}";
        var name = $"{stem}.txt";
        for (var number = 2; File.Exists(Path.Combine(directory, name)); number++)
            name = $"{stem}-{number}.txt";
        return name;
    }
}
