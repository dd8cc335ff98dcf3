using System.Globalization;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TextVae.Tui;

/// <summary>Labelled input fields and the parsing of their text, shared by the views' forms.</summary>
internal static class Form
{
    /// <summary>Adds "label [value]" at (x, y) to <paramref name="parent"/>; returns the field.</summary>
    public static TextField Field(View parent, string label, string value, Pos x, Pos y, Dim width)
    {
        var caption = new Label { Text = label, X = x, Y = y };
        var field = new TextField { Text = value, X = Pos.Right(caption) + 1, Y = y, Width = width };
        parent.Add(caption, field);
        return field;
    }

    public static int Integer(TextField field, string name) =>
        int.TryParse(field.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TextVaeException($"{name}: '{field.Text}' is not a whole number");

    public static double Number(TextField field, string name) =>
        double.TryParse(field.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TextVaeException($"{name}: '{field.Text}' is not a number");
}
