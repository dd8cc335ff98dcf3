using System.Drawing;
using Terminal.Gui.Input;
using TextVae.Generation;
using TextVae.Tui;
using TextVae.Runtime;

namespace TextVae.Tests.Tui;

/// <summary>The map view through the real window and worker, with a tiny model whose latent is used and the sentences it learnt.</summary>
[Collection(TinyMapModelCollection.Name)]
public sealed class MapViewTests : IDisposable
{
    private const int CursorMoves = 5;

    private readonly TemporaryDirectory _directory = new();
    private readonly string _checkpoint;
    private readonly string _corpus;

    public MapViewTests(TinyMapModel model)
    {
        // A copy, since the map caches beside its checkpoint and the shared model's folder must stay as it is.
        _checkpoint = _directory.File("map.tvae");
        File.Copy(model.Checkpoint, _checkpoint);
        _corpus = model.Corpus;
    }

    [Fact]
    public void The_map_renders_the_corpus_in_braille_and_says_it_encoded_it()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;

        Assert.False(view.Opening!.FromCache);
        Assert.Null(view.Opening.CacheProblem);
        Assert.True(File.Exists(view.Opening.CachePath));
        Assert.Contains($"map: {TinyMapModel.SentenceCount} sentences of", StatusOfOpening(ui));
        Assert.Contains("encoded and cached", StatusOfOpening(ui));
        var screen = ui.Screen;
        Assert.Contains(screen, character => character is >= '\u2801' and <= '\u28FF');
        var raster = view.Canvas.Raster!;
        var plotted = Enumerable.Range(0, raster.Columns).Sum(column => Enumerable.Range(0, raster.Rows).Sum(row => raster.Count(column, row)));
        Assert.Equal(TinyMapModel.SentenceCount, plotted); // the fit leaves out only the outer 0.5 % on each side of each axis: none of 16
        Assert.Contains("shading: density", screen);
        Assert.Contains("╋", screen);
    }

    [Fact]
    public void Moving_the_cursor_changes_the_decoded_sentence()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;
        // Lifted from the nearest sentence, a point near a corpus sentence decodes to it: a walk crosses their neighbourhoods.
        ui.Press(Key.L.WithCtrl);
        ui.WaitForWorker();
        var first = view.Reading!;
        Assert.Equal((0.0, 0.0, LiftMode.Nearest), (first.X, first.Y, first.Lift));
        Assert.Contains(first.Sentence.Text[..Math.Min(first.Sentence.Text.Length, 40)], ui.Screen);
        Assert.Equal(MapView.NeighbourCount, first.Neighbours.Count);
        Assert.True(first.Neighbours.Zip(first.Neighbours.Skip(1)).All(pair => pair.First.Distance <= pair.Second.Distance));

        // Zoomed out, as in the terminal test, so that five one-cell moves cross a good part of the map.
        for (var i = 0; i < 3; i++)
            ui.Press(new Key('-'));
        var step = BrailleRaster.DotsPerColumn * view.Canvas.Area.UnitsPerDot;
        var decoded = new List<MapReading> { first };
        for (var i = 1; i <= CursorMoves; i++)
        {
            ui.Press(Key.CursorRight);
            ui.WaitForWorker();
            Assert.Equal(i * step, view.Reading!.X, 9);
            decoded.Add(view.Reading);
        }

        var last = decoded[^1];
        Assert.NotEqual(first.Sentence.Text, last.Sentence.Text);
        // Every point on the walk decodes a sentence the model learnt, the one nearest the cursor's code.
        Assert.All(decoded, reading => Assert.True(reading.Sentence.InTrainingCorpus, reading.Sentence.Text));
        Assert.All(decoded, reading => Assert.Equal(ui.Model.Generator!.Read(reading.Neighbours[0].Text).AsRead, reading.Sentence.Text));
        Assert.Contains(last.Sentence.Text[..Math.Min(last.Sentence.Text.Length, 40)], ui.Screen);
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

    [Fact]
    public void A_typed_sentence_lands_on_the_map_with_its_spread()
    {
        using var ui = OpenMap();
        var view = ui.Window.MapView;
        var canvas = view.Canvas;
        var map = canvas.Map!;
        ui.Press(Key.L.WithCtrl);
        // The cursor parked in a corner, the same cell before and after placing, so only the placement differs on screen.
        var corner = new Point(1, 1);
        canvas.NewMouseEvent(new Mouse { Flags = MouseFlags.LeftButtonClicked, Position = corner });
        ui.WaitForWorker();
        var before = ui.Cells(canvas);

        const string typed = "His petition charged mental cruelty .";
        view.Sentence.SetFocus();
        ui.Type(typed);
        ui.Press(Key.Enter);
        ui.WaitForWorker();

        // It is a corpus sentence, so it lands where the map put it when encoding the corpus in batches.
        var placement = canvas.Placement!;
        var onMap = Enumerable.Range(0, map.Sentences.Count).Single(i => map.Sentences[i].Text == typed);
        Assert.Equal(typed, placement.Input.Text);
        Assert.Equal(map.X[onMap], placement.X, 4);
        Assert.Equal(map.Y[onMap], placement.Y, 4);
        Assert.Equal((placement.X, placement.Y), canvas.Crosshair);
        Assert.NotEqual(canvas.CellOf(0, 0), canvas.CellOf(placement.X, placement.Y));
        // The cursor now sits on the sentence's own code, which decodes back to it.
        Assert.Equal(placement.Input.AsRead, view.Reading!.Sentence.Text);
        Assert.Contains(view.Lines, line => line.StartsWith("μ \"His petition", StringComparison.Ordinal));

        // Its spread: σ of q(z|x) on the map, a local cloud rather than the whole map.
        var (xx, xy, yy) = placement.Covariance;
        Assert.True(xx > 0 && yy > 0 && xy * xy < xx * yy);
        var width = map.X.Max() - map.X.Min();
        Assert.InRange(Math.Sqrt(xx), 0, width / 4);
        Assert.InRange(Math.Sqrt(yy), 0, width / 4);

        canvas.NewMouseEvent(new Mouse { Flags = MouseFlags.LeftButtonClicked, Position = corner });
        ui.WaitForWorker();
        var after = ui.Cells(canvas);
        var marker = canvas.CellOf(placement.X, placement.Y);
        Assert.Equal('μ', after[(marker.Column, marker.Row)]);
        // Everything else that changed is the ellipse: braille dots no farther from μ than its semi-major axis, and some at it.
        var reach = Math.Sqrt((xx + yy) / 2 + Math.Sqrt((xx - yy) * (xx - yy) / 4 + xy * xy)) / canvas.Area.UnitsPerDot;
        var ellipse = after.Keys.Where(cell => cell != (marker.Column, marker.Row) && after[cell] != before[cell]).ToArray();
        Assert.NotEmpty(ellipse);
        Assert.All(ellipse, cell => Assert.InRange(after[cell], '\u2801', '\u28FF'));
        var cellSize = Math.Sqrt(BrailleRaster.DotsPerColumn * BrailleRaster.DotsPerColumn + BrailleRaster.DotsPerRow * BrailleRaster.DotsPerRow);
        var distances = ellipse.Select(cell => Math.Sqrt(
            Math.Pow((cell.Column - marker.Column) * BrailleRaster.DotsPerColumn, 2) + Math.Pow((cell.Row - marker.Row) * BrailleRaster.DotsPerRow, 2))).ToArray();
        Assert.All(distances, distance => Assert.InRange(distance, 0, reach + cellSize));
        Assert.Contains(distances, distance => distance >= reach - cellSize);
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
        Assert.True(ui.Window.MapView.Reading is not null, string.Join(" | ", ui.StatusHistory));
        return ui;
    }

    /// <summary>The worker's line about opening the map, which later requests replace in the status line.</summary>
    private static string StatusOfOpening(TuiHarness ui) => ui.StatusHistory.Last(line => line.StartsWith("map: ", StringComparison.Ordinal));
}
