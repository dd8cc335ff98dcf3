using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TextVae.Tui;

/// <summary>A caption and a row of a closed choice's members, spelt as on the command line ("top-k"), on one line.</summary>
public sealed class ChoiceField<T> where T : struct, Enum
{
    private static readonly T[] Members = Enum.GetValues<T>();
    private readonly string _parameter;
    private readonly OptionSelector _selector;

    /// <param name="parameter">The library's name of the choice, for an error about a member it does not offer.</param>
    public ChoiceField(View parent, string caption, string parameter, T initial, Pos x, Pos y)
    {
        _parameter = parameter;
        var label = new Label { Text = caption, X = x, Y = y };
        _selector = new OptionSelector
        {
            X = Pos.Right(label) + 1,
            Y = y,
            Orientation = Orientation.Horizontal,
            Labels = [.. Members.Select(EnumSpelling.Of)],
        };
        Value = initial;
        parent.Add(label, _selector);
    }

    public T Value
    {
        get => Members[_selector.Value ?? 0];
        set => _selector.Value = Array.IndexOf(Members, value) is var index and >= 0 ? index : throw ConfigCheck.Undefined(value, _parameter);
    }
}
