using System.Globalization;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TextVae.Tui;

/// <summary>Labelled input fields and the parsing of their text, shared by the views' forms.</summary>
public static class Form
{
    /// <summary>Adds "Label: [value]" for the library's <paramref name="parameter"/> at (x, y) to <paramref name="parent"/>; returns the field.</summary>
    public static TextField Field(View parent, string parameter, string value, Pos x, Pos y, Dim width) =>
        Labelled(parent, $"{FieldLabels.Of(parameter)}:", value, x, y, width);

    private static TextField Labelled(View parent, string label, string value, Pos x, Pos y, Dim width)
    {
        var caption = new Label { Text = label, X = x, Y = y };
        var field = new TextField { Text = value, X = Pos.Right(caption) + 1, Y = y, Width = width };
        parent.Add(caption, field);
        return field;
    }

    /// <summary>
    /// Longest text a sentence field keeps. The model reads at most data.maxLength tokens, and a field holding a
    /// pasted megabyte would make every redraw walk all of it, freezing the UI.
    /// </summary>
    public const int MaxSentenceCharacters = 4_000;

    /// <summary>A field for a sentence: like <see cref="Field"/>, but longer text is cut to <see cref="MaxSentenceCharacters"/>.</summary>
    public static TextField SentenceField(View parent, string label, Pos x, Pos y)
    {
        var field = Labelled(parent, label, "", x, y, Dim.Fill());
        field.TextChanged += (_, _) =>
        {
            if (field.Text.Length > MaxSentenceCharacters)
                field.Text = field.Text[..MaxSentenceCharacters];
        };
        return field;
    }

    public static int Integer(TextField field, string parameter) =>
        int.TryParse(field.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidParameterException(parameter, $": '{field.Text}' is not a whole number");

    public static double Number(TextField field, string parameter) =>
        double.TryParse(field.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidParameterException(parameter, $": '{field.Text}' is not a number");
}
