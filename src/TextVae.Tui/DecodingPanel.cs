using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Decoding;

namespace TextVae.Tui;

/// <summary>The decoding strategy and its parameters, two lines high; every view that decodes has one.</summary>
public sealed class DecodingPanel : View
{
    private static readonly DecodingOptions Defaults = new();

    private readonly ChoiceField<DecodingStrategy> _strategy;
    private readonly TextField _temperature;
    private readonly TextField _topK;
    private readonly TextField _topP;
    private readonly TextField _beam;
    private readonly TextField _maxLength;

    public DecodingPanel()
    {
        CanFocus = true;
        Width = Dim.Fill();
        Height = 2;
        // Max length applies to every strategy, so it sits beside the strategy and the second row holds only the
        // strategies' own parameters: both rows then fit a new 80-column terminal.
        _strategy = new ChoiceField<DecodingStrategy>(this, $"{FieldLabels.Of("strategy")}:", "strategy", Defaults.Strategy, 0, 0);
        _maxLength = Form.Field(this, "maxLength", $"{Defaults.MaxLength}", Pos.Right(_strategy.Selector) + 2, 0, 4);
        _temperature = Form.Field(this, "temperature", Format(Defaults.Temperature), 0, 1, 6);
        _topK = Form.Field(this, "topK", $"{Defaults.TopK}", Pos.Right(_temperature) + 2, 1, 5);
        _topP = Form.Field(this, "topP", Format(Defaults.TopP), Pos.Right(_topK) + 2, 1, 6);
        _beam = Form.Field(this, "beamWidth", $"{Defaults.BeamWidth}", Pos.Right(_topP) + 2, 1, 4);
    }

    public DecodingStrategy Strategy
    {
        get => _strategy.Value;
        set => _strategy.Value = value;
    }

    /// <summary>The options as typed; throws <see cref="TextVaeException"/> naming the field that is wrong.</summary>
    public DecodingOptions Read() => new DecodingOptions
    {
        Strategy = Strategy,
        Temperature = Form.Number(_temperature, "temperature"),
        TopK = Form.Integer(_topK, "topK"),
        TopP = Form.Number(_topP, "topP"),
        BeamWidth = Form.Integer(_beam, "beamWidth"),
        MaxLength = Form.Integer(_maxLength, "maxLength"),
    }.Validate();

    private static string Format(double value) => value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
}
