using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>The path between two sentences' codes (Bowman et al.'s homotopy), straight or along the great circle.</summary>
public sealed class InterpolateView : GenerationView
{
    private readonly TextField _steps;
    private readonly ChoiceField<InterpolationPath> _mode;
    private IReadOnlyList<InterpolationPoint> _points = [];

    public InterpolateView(LoadedModel model, GenerationWorker worker)
        : base("Interpolate", model, worker)
    {
        First = Form.SentenceField(this, "Sentence A:", 0, 0);
        Second = Form.SentenceField(this, "Sentence B:", 0, 1);
        // Two validation sentences, as the quickstart uses, so the first Ctrl+G shows a path rather than an error.
        if (model.Generator?.ValidationPair() is var (first, second))
            (First.Text, Second.Text) = (first, second);
        _steps = Form.Field(this, "steps", "8", 0, 2, 4);
        _mode = new ChoiceField<InterpolationPath>(this, "Path:", "mode", InterpolationPath.Linear, Pos.Right(_steps) + 2, 2);
        Decoding = new DecodingPanel { X = 0, Y = 4 };
        Add(Decoding);
        PlaceResults(Pos.Bottom(Decoding) + 1, "position   sentence   (* verbatim training sentence)");
    }

    public TextField First { get; }

    public TextField Second { get; }

    public DecodingPanel Decoding { get; }

    public override View FirstField => First;

    public override IReadOnlyList<ViewAction> Actions =>
    [
        new(Key.G.WithCtrl, "Run", Interpolate),
        new(Key.W.WithCtrl, "Swap", Swap),
        new(Key.U.WithCtrl, "Selected→A", () => UseSelected(First)),
        new(Key.B.WithCtrl, "Selected→B", () => UseSelected(Second)),
    ];

    public void Interpolate() => Request<InterpolationResult>(
        "interpolate",
        generator =>
        {
            var (first, second) = (First.Text, Second.Text);
            var steps = Form.Integer(_steps, "steps");
            var mode = _mode.Value;
            var options = Decoding.Read();
            return () => generator.Interpolate(first, second, steps, mode, options);
        },
        result =>
        {
            _points = result.Points;
            ShowLines(result.Points.Select(Line));
            return $"path of {result.Steps} steps, {result.Points.Count} distinct";
        });

    public void Swap() => (First.Text, Second.Text) = (Second.Text, First.Text);

    /// <summary>A point's position (a span when several steps decode to it) and sentence.</summary>
    public static string Line(InterpolationPoint point)
    {
        var position = point.FirstStep == point.LastStep
            ? string.Create(CultureInfo.InvariantCulture, $"{point.FirstPosition:0.00}")
            : string.Create(CultureInfo.InvariantCulture, $"{point.FirstPosition:0.00}-{point.LastPosition:0.00}");
        return $"{position,-9} {Mark(point.Sentence.InTrainingCorpus)} {point.Sentence.Text}";
    }

    private void UseSelected(TextField field)
    {
        if (Selected(_points.Count) is { } index)
            field.Text = _points[index].Sentence.Text;
    }
}
