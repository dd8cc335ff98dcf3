using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>
/// The latent map: a corpus's posterior means on their two leading principal axes, with a cursor whose point is
/// lifted back to a latent code and decoded as it moves, the nearest corpus sentences, marks A and B with the
/// decoded path between them, and typed sentences placed where they land.
/// </summary>
public sealed class MapView : GenerationView
{
    public const int NeighbourCount = 5;
    public const int InterpolationSteps = 8;

    private readonly string? _corpus;
    private readonly Label _legend;
    private LatentMapOpening? _opening;
    private bool _opened;
    private LiftMode _lift = LiftMode.Mean;
    private MapMark? _markA;
    private MapMark? _markB;
    private MapReading? _reading;

    /// <param name="corpus">The sentences to map; null for the checkpoint's training corpus.</param>
    public MapView(LoadedModel model, GenerationWorker worker, string? corpus)
        : base("Map", model, worker)
    {
        _corpus = corpus ?? model.Generator?.TrainingCorpus;
        Sentence = Form.SentenceField(this, "Sentence:", 0, 0);
        // Enter in the sentence field places it, as Ctrl+G does.
        Sentence.Accepting += (_, args) =>
        {
            args.Handled = true;
            Place();
        };
        Decoding = new DecodingPanel { X = 0, Y = 1 };
        _legend = new Label { X = 0, Y = 3, Width = Dim.Fill() };
        Canvas = new LatentMapCanvas { X = 0, Y = 4, Width = Dim.Percent(55), Height = Dim.Fill() };
        Add(Decoding, _legend, Canvas);
        Results.X = Pos.Right(Canvas) + 1;
        PlaceResults(4, legend: null);
        Canvas.CursorMoved += Decode;
        Canvas.AreaChanged += UpdateLegend;
        UpdateLegend();
    }

    public TextField Sentence { get; }

    public DecodingPanel Decoding { get; }

    public LatentMapCanvas Canvas { get; }

    /// <summary>The map as opened (null until it is), with where it is cached.</summary>
    public LatentMapOpening? Opening => _opening;

    /// <summary>The newest decoded reading of the cursor.</summary>
    public MapReading? Reading => _reading;

    public override View FirstField => Canvas;

    public override IReadOnlyList<ViewAction> Actions =>
    [
        new(Key.A.WithCtrl, "Mark A", () => Mark(first: true)),
        new(Key.B.WithCtrl, "Mark B", () => Mark(first: false)),
        new(Key.R.WithCtrl, "Recentre", Canvas.CentreOnCursor),
        new(Key.L.WithCtrl, "Lift", ToggleLift),
        new(Key.T.WithCtrl, "Shading", NextShading),
        new(Key.G.WithCtrl, "Place", Place),
    ];

    /// <summary>Opens the map the first time the view is shown: from the cache, or encoded on the worker with progress in the status line.</summary>
    public override void Shown()
    {
        if (_opened)
            return;
        if (Model.Generator is not { } generator)
        {
            ShowLines([Model.Problem!]);
            return;
        }
        if (_corpus is null)
        {
            ShowLines(NoCorpus(generator));
            return;
        }
        _opened = true;
        var corpus = _corpus;
        var progress = new ProgressLine(Worker, corpus);
        ShowLines([$"opening the map of {corpus}…"]);
        Worker.Submit(
            "map",
            () => LatentMapBuilder.Open(generator, corpus, new LatentMapOptions(), progress, Worker.Stopping),
            opening =>
            {
                _opening = opening;
                Canvas.Show(opening.Map);
                UpdateLegend();
                Canvas.MoveCursor(0, 0);
                var source = opening.FromCache ? "from the cache" : opening.CacheProblem is null ? "encoded and cached" : $"encoded, not cached: {opening.CacheProblem}";
                return $"{opening.Map.Sentences.Count:N0} sentences of {corpus}, {source}";
            },
            keep: true);
    }

    /// <summary>Lifts the cursor's point to a latent code and decodes it (with the path between the marks, when both are set).</summary>
    public void Decode()
    {
        if (Canvas.Map is not { } map)
            return;
        var (x, y) = Canvas.Crosshair;
        var (lift, a, b) = (_lift, _markA, _markB);
        Request<MapReading>(
            "cursor",
            generator =>
            {
                var options = Decoding.Read();
                return () =>
                {
                    var code = map.Lift(x, y, lift);
                    var sentence = generator.Decode([code], options)[0];
                    var path = a is not null && b is not null
                        ? generator.Interpolate(a.Code, b.Code, InterpolationSteps, InterpolationPath.Linear, options)
                        : [];
                    return new MapReading(x, y, lift, sentence, map.Nearest(code, NeighbourCount), path);
                };
            },
            reading =>
            {
                _reading = reading;
                ShowReading();
                return $"log p {reading.Sentence.LogProbability.ToString("0.00", CultureInfo.InvariantCulture)}";
            });
    }

    /// <summary>Encodes the typed sentence and shows where it lands: μ as a marker, 1σ of q(z|x) as an ellipse; the cursor moves there.</summary>
    public void Place()
    {
        if (Canvas.Map is not { } map)
        {
            Worker.Fail("place: the map is not open yet");
            return;
        }
        var text = Sentence.Text;
        Request<MapPlacement>(
            "place",
            generator => () =>
            {
                var code = generator.Encode([text])[0];
                var (x, y) = map.Project(code.Mean);
                return new MapPlacement(code.Input, x, y, map.ProjectVariance(code.Variance));
            },
            placement =>
            {
                Canvas.Placement = placement;
                Canvas.MoveCursor(placement.X, placement.Y);
                return string.Create(CultureInfo.InvariantCulture, $"\"{placement.Input.Text}\" lands at ({placement.X:0.00}, {placement.Y:0.00})");
            });
    }

    private void Mark(bool first)
    {
        if (Canvas.Map is not { } map)
        {
            Worker.Fail("mark: the map is not open yet");
            return;
        }
        var (x, y) = Canvas.Crosshair;
        var mark = new MapMark(x, y, map.Lift(x, y, _lift));
        if (first)
            (_markA, Canvas.MarkA) = (mark, (x, y));
        else
            (_markB, Canvas.MarkB) = (mark, (x, y));
        Canvas.SetNeedsDraw();
        Decode();
    }

    private void ToggleLift()
    {
        _lift = _lift == LiftMode.Mean ? LiftMode.Nearest : LiftMode.Mean;
        UpdateLegend();
        Decode();
    }

    private void NextShading()
    {
        Canvas.Shading = (MapShading)(((int)Canvas.Shading + 1) % Enum.GetValues<MapShading>().Length);
        Canvas.SetNeedsDraw();
        UpdateLegend();
    }

    private void UpdateLegend()
    {
        var shading = Canvas.Shading switch
        {
            MapShading.Length => "mean length (short → long)",
            MapShading.NllPerToken => "mean NLL per token at μ (easy → hard)",
            _ => "density (few → many)",
        };
        var lift = _lift == LiftMode.Mean ? "other axes at the corpus mean" : "other axes from the nearest sentence";
        var axes = Canvas.Map is { } map
            ? string.Create(CultureInfo.InvariantCulture, $" · PC1 {map.Axes.ExplainedVariance[0]:P0}, PC2 {map.Axes.ExplainedVariance[1]:P0} of variance · zoom {Canvas.Area.Zoom:0.0}×")
            : "";
        _legend.Text = $"shading: {shading} · lift: {lift}{axes}";
    }

    private void ShowReading()
    {
        if (_reading is not { } reading)
            return;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"cursor ({reading.X:0.00}, {reading.Y:0.00}), log p {reading.Sentence.LogProbability:0.00}"),
            $"{Mark(reading.Sentence.InTrainingCorpus)} {reading.Sentence.Text}{(reading.Sentence.Finished ? "" : " …")}",
            "",
            $"nearest {NeighbourCount} corpus sentences (distance):",
        };
        lines.AddRange(reading.Neighbours.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Distance,6:0.000}  {n.Text}")));
        if (_markA is not null || _markB is not null)
        {
            lines.Add("");
            lines.Add($"A {Where(_markA)}   B {Where(_markB)}");
        }
        if (reading.Interpolation.Count > 0)
            lines.AddRange(reading.Interpolation.Select(InterpolateView.Line));
        if (Canvas.Placement is { } placed)
        {
            lines.Add("");
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"μ \"{placed.Input.Text}\" at ({placed.X:0.00}, {placed.Y:0.00}), σ on the map {Math.Sqrt(placed.Covariance.Xx):0.00} × {Math.Sqrt(placed.Covariance.Yy):0.00}"));
        }
        ShowLines(lines);
    }

    private static string Where(MapMark? mark) =>
        mark is null ? "not set" : string.Create(CultureInfo.InvariantCulture, $"({mark.X:0.00}, {mark.Y:0.00})");

    private static IEnumerable<string> NoCorpus(TextGenerator generator)
    {
        var trained = generator.Checkpoint.Info.TrainCorpus;
        yield return trained is null
            ? "No corpus for the map: this checkpoint does not name its training corpus."
            : $"No corpus for the map: the training corpus {trained} is not on this machine.";
        yield return "Run `textvae tui --map-data FILE` with a file of sentences, one per line, to map them.";
    }

    /// <summary>Encoding progress as a status line, posted from the worker.</summary>
    private sealed class ProgressLine(GenerationWorker worker, string corpus) : IProgress<LatentMapProgress>
    {
        public void Report(LatentMapProgress value) =>
            worker.Progress($"working… map: encoding {value.Encoded:N0} / {value.Total:N0} sentences of {corpus}");
    }
}
