using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Decoding;

namespace TextVae.Tui;

/// <summary>The decoding strategy and its parameters, two lines high; every view that decodes has one.</summary>
public sealed class DecodingPanel : View
{
    private static readonly DecodingOptions Defaults = new();

    private readonly OptionSelector _strategy;
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
        var caption = new Label { Text = "Strategy:", X = 0, Y = 0 };
        _strategy = new OptionSelector
        {
            X = Pos.Right(caption) + 1,
            Y = 0,
            Orientation = Orientation.Horizontal,
            Labels = DecodingOptions.Strategies,
            Value = 0,
        };
        Add(caption, _strategy);
        _temperature = Form.Field(this, "Temperature:", Format(Defaults.Temperature), 0, 1, 6);
        _topK = Form.Field(this, "Top-k:", $"{Defaults.TopK}", Pos.Right(_temperature) + 2, 1, 5);
        _topP = Form.Field(this, "Top-p:", Format(Defaults.TopP), Pos.Right(_topK) + 2, 1, 6);
        _beam = Form.Field(this, "Beam width:", $"{Defaults.BeamWidth}", Pos.Right(_topP) + 2, 1, 4);
        _maxLength = Form.Field(this, "Max length:", $"{Defaults.MaxLength}", Pos.Right(_beam) + 2, 1, 5);
    }

    public string Strategy
    {
        get => DecodingOptions.Strategies[_strategy.Value ?? 0];
        set => _strategy.Value = Array.IndexOf(DecodingOptions.Strategies, value) is var index and >= 0
            ? index
            : throw new ArgumentException($"unknown strategy {value}", nameof(value));
    }

    /// <summary>The options as typed; throws <see cref="TextVaeException"/> naming the field that is wrong.</summary>
    public DecodingOptions Read() => new DecodingOptions
    {
        Strategy = Strategy,
        Temperature = Form.Number(_temperature, "temperature"),
        TopK = Form.Integer(_topK, "top-k"),
        TopP = Form.Number(_topP, "top-p"),
        BeamWidth = Form.Integer(_beam, "beam width"),
        MaxLength = Form.Integer(_maxLength, "max length"),
    }.Validate();

    private static string Format(double value) => value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
}
