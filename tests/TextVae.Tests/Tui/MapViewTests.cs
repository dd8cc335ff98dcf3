using System.Drawing;
using Terminal.Gui.Input;
using TextVae.Generation;
using TextVae.Tui;
using TextVae.Runtime;

namespace TextVae.Tests.Tui;

/// <summary>The map view through the real window and worker, with the tiny model and a few hundred corpus sentences.</summary>
[Collection(TinyModelCollection.Name)]
public sealed class MapViewTests : IDisposable
{
    private const int MoveLimit = 40;

    private readonly TemporaryDirectory _directory = new();
    private readonly string _checkpoint;
    private readonly string _corpus;

    public MapViewTests(TinyModel tiny)
    {
        // A copy, since the map caches beside its checkpoint and the shared tiny model's folder must stay as it is.
        _checkpoint = _directory.File("tiny.tvae");
        File.Copy(tiny.Checkpoint, _checkpoint);
        _corpus = _directory.Write("map.txt", [.. File.ReadLines(tiny.ValidCorpus).Take(120)]);
    }

    [Fact]
    public void The_map_renders_the_corpus_in_braille_and_says_it_encoded_it()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;

        Assert.False(view.Opening!.FromCache);
        Assert.Null(view.Opening.CacheProblem);
        Assert.True(File.Exists(view.Opening.CachePath));
        Assert.Contains("map: 120 sentences of", StatusOfOpening(ui));
        Assert.Contains("encoded and cached", StatusOfOpening(ui));
        var screen = ui.Screen;
        Assert.Contains(screen, character => character is >= '\u2801' and <= '\u28FF');
        var raster = view.Canvas.Raster!;
        var plotted = Enumerable.Range(0, raster.Columns).Sum(column => Enumerable.Range(0, raster.Rows).Sum(row => raster.Count(column, row)));
        Assert.InRange(plotted, 116, 120); // the fit leaves out at most the outer 0.5 % on each side of each axis
        Assert.Contains("shading: density", screen);
        Assert.Contains("╋", screen);
    }

    [Fact(Skip = "Known gap (issue 18, open): the shared tiny model decodes the same sentence everywhere on its map (its z carries almost nothing), so this needs a fixture model whose latent is used")]
    public void Moving_the_cursor_changes_the_decoded_sentence()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;
        var first = view.Reading!;
        Assert.Equal((0.0, 0.0), (first.X, first.Y));
        Assert.Contains(first.Sentence.Text[..Math.Min(first.Sentence.Text.Length, 40)], ui.Screen);
        Assert.Equal(MapView.NeighbourCount, first.Neighbours.Count);
        Assert.True(first.Neighbours.Zip(first.Neighbours.Skip(1)).All(pair => pair.First.Distance <= pair.Second.Distance));

        var moves = 0;
        while (view.Reading!.Sentence.Text == first.Sentence.Text && moves++ < MoveLimit)
        {
            ui.Press(Key.CursorRight);
            ui.WaitForWorker();
        }

        Assert.NotEqual(first.Sentence.Text, view.Reading.Sentence.Text);
        Assert.True(view.Reading.X > 0);
        Assert.Contains(view.Reading.Sentence.Text[..Math.Min(view.Reading.Sentence.Text.Length, 40)], ui.Screen);
        Assert.StartsWith("cursor: log p ", ui.Window.Status);
    }

    [Fact]
    public void Holding_a_key_never_queues_more_than_the_newest_position()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;
        for (var i = 0; i < 25; i++)
            ui.Press(Key.CursorUp);
        var target = view.Canvas.Crosshair;
        ui.WaitForWorker();

        // Only the newest position is shown, whatever ran in between.
        Assert.Equal(target, (view.Reading!.X, view.Reading.Y));
    }

    [Fact]
    public void Marks_A_and_B_give_the_interpolation_between_them()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;
        ui.Press(Key.A.WithCtrl);
        ui.WaitForWorker();
        for (var i = 0; i < 12; i++)
            ui.Press(Key.CursorLeft);
        ui.Press(Key.B.WithCtrl);
        ui.WaitForWorker();

        var path = view.Reading!.Interpolation;
        Assert.NotEmpty(path);
        Assert.Equal(0, path[0].FirstStep);
        Assert.Equal(MapView.InterpolationSteps - 1, path[^1].LastStep);
        Assert.All(path, point => Assert.Contains(InterpolateView.Line(point), view.Lines));
        Assert.Equal((0.0, 0.0), view.Canvas.MarkA);
        Assert.Equal(view.Canvas.Crosshair, view.Canvas.MarkB);
        Assert.Contains("A (0.00, 0.00)", ui.Screen);
    }

    [Fact]
    public void Reopening_reads_the_cache_and_shows_the_same_map()
    {
        double[] firstX;
        using (var ui = OpenMap())
            firstX = [.. ui.Window.MapView.Opening!.Map.X];

        using var again = OpenMap();
        var opening = again.Window.MapView.Opening!;
        Assert.True(opening.FromCache);
        Assert.Contains("from the cache", StatusOfOpening(again));
        Assert.Equal(firstX, opening.Map.X);
    }

    [Fact(Skip = "Known gap (issue 18, open): the shared tiny model decodes the same sentence everywhere on its map (its z carries almost nothing), so this needs a fixture model whose latent is used")]
    public void A_typed_sentence_lands_on_the_map_with_its_spread()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;
        view.Sentence.SetFocus();
        ui.Type("his petition charged mental cruelty .");
        ui.Press(Key.Enter);
        ui.WaitForWorker();

        var placement = view.Canvas.Placement!;
        Assert.Equal("his petition charged mental cruelty .", placement.Input.Text);
        Assert.Equal((placement.X, placement.Y), view.Canvas.Crosshair);
        Assert.True(placement.Covariance.Xx > 0 && placement.Covariance.Yy > 0);
        Assert.Contains(view.Lines, line => line.StartsWith("μ \"his petition", StringComparison.Ordinal));
        Assert.Contains("μ", ui.Screen);
    }

    [Fact]
    public void Zoom_pan_recentre_and_the_mouse_move_the_view_and_the_cursor()
    {
        using var ui = OpenMap();
        var canvas = ui.Window.MapView.Canvas;
        ui.Press(new Key('+'));
        Assert.Equal(1.5, canvas.Area.Zoom, 6);
        var centre = canvas.Area.CentreX;
        ui.Press(Key.CursorRight.WithShift);
        Assert.True(canvas.Area.CentreX > centre);
        Assert.Equal((0.0, 0.0), canvas.Crosshair); // panning leaves the cursor where it was

        canvas.NewMouseEvent(new Mouse { Flags = MouseFlags.LeftButtonClicked, Position = new Point(2, 3) });
        Assert.NotEqual((0.0, 0.0), canvas.Crosshair);
        Assert.Equal((2, 3, true), canvas.CellOf(canvas.Crosshair.X, canvas.Crosshair.Y));
        ui.Press(Key.R.WithCtrl);
        Assert.Equal(canvas.Crosshair, (canvas.Area.CentreX, canvas.Area.CentreY));
        ui.WaitForWorker();
        Assert.Equal(canvas.Crosshair, (ui.Window.MapView.Reading!.X, ui.Window.MapView.Reading.Y));
    }

    [Fact]
    public void Shading_and_lift_mode_are_switched_by_keys()
    {
        using var ui = OpenMap();
        ui.Press(Key.T.WithCtrl);
        Assert.Equal(MapShading.Length, ui.Window.MapView.Canvas.Shading);
        Assert.Contains("shading: mean length", ui.Screen);
        ui.Press(Key.L.WithCtrl);
        ui.WaitForWorker();
        Assert.Equal(LiftMode.Nearest, ui.Window.MapView.Reading!.Lift);
        Assert.Contains("lift: other axes from the nearest sentence", ui.Screen);
    }

    [Fact]
    public void Without_a_model_the_map_says_what_to_run()
    {
        using var runs = new TemporaryDirectory();
        using var ui = new TuiHarness(LoadedModel.Open(null, DeviceChoice.Cpu, runs.Path), _directory.Path);
        ui.Press(Key.F6);

        Assert.Same(ui.Window.MapView, ui.Window.Current);
        Assert.Equal([LoadedModel.NoModelMessage], ui.Window.MapView.Lines);
    }

    [Fact]
    public void A_missing_map_corpus_is_an_error_in_the_status_line()
    {
        var missing = _directory.File("missing.txt");
        using var ui = new TuiHarness(LoadedModel.Open(_checkpoint, DeviceChoice.Cpu), _directory.Path, missing);
        ui.Press(Key.F6);
        ui.WaitForWorker();

        Assert.Equal($"error: map: corpus file not found: {missing}", ui.Window.Status);
        Assert.Null(ui.Window.MapView.Canvas.Map);
    }

    public void Dispose() => _directory.Dispose();

    private TuiHarness OpenMap()
    {
        var ui = new TuiHarness(LoadedModel.Open(_checkpoint, DeviceChoice.Cpu), _directory.Path, _corpus);
        ui.Press(Key.F6);
        ui.WaitForWorker();
        Assert.NotNull(ui.Window.MapView.Opening);
        Assert.NotNull(ui.Window.MapView.Reading);
        return ui;
    }

    /// <summary>The worker's line about opening the map, which later requests replace in the status line.</summary>
    private static string StatusOfOpening(TuiHarness ui) => ui.StatusHistory.Last(line => line.StartsWith("map: ", StringComparison.Ordinal));
}
