using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TextVae.Tui;

/// <summary>A caption and a row of a closed choice's members, spelt as on the command line ("top-k"), on one line.</summary>
public sealed class ChoiceField<T> where T : struct, Enum
{
    private static readonly T[] Members = Enum.GetValues<T>();
    private readonly string _parameter;

    /// <param name="parameter">The library's name of the choice, for an error about a member it does not offer.</param>
    public ChoiceField(View parent, string caption, string parameter, T initial, Pos x, Pos y)
    {
        _parameter = parameter;
        var label = new Label { Text = caption, X = x, Y = y };
        Selector = new OptionSelector
        {
            X = Pos.Right(label) + 1,
            Y = y,
            Orientation = Orientation.Horizontal,
            Labels = [.. Members.Select(EnumSpelling.Of)],
        };
        Value = initial;
        parent.Add(label, Selector);
    }

    /// <summary>The row of members, for placing what follows it on the line.</summary>
    public OptionSelector Selector { get; }

    public T Value
    {
        get => Members[Selector.Value ?? 0];
        set => Selector.Value = Array.IndexOf(Members, value) is var index and >= 0 ? index : throw ConfigCheck.Undefined(value, _parameter);
    }
}
