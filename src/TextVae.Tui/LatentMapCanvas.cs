using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TextVae.Generation;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TextVae.Tui;

/// <summary>
/// The latent map drawn in braille (2 × 4 dots a cell) and shaded by density or a statistic, with the cursor, the
/// marks A and B and the line between them, and a typed sentence's posterior (μ and its 1σ ellipse). Arrows and the
/// mouse move the cursor; Shift+arrows pan, + and − zoom, Home fits the whole map.
/// </summary>
public sealed class LatentMapCanvas : View
{
    /// <summary>Dark to bright, so density reads without colour names; the same steps serve every statistic.</summary>
    private static readonly Color[] Ramp =
    [
        new(70, 60, 140), new(50, 100, 170), new(30, 150, 150), new(80, 190, 100), new(190, 215, 60), new(250, 240, 80),
    ];

    private static readonly Color Overlay = new(255, 90, 200);
    private static readonly Color CursorColour = new(255, 255, 255);
    private const int EllipseSteps = 96;

    private bool _fitted;
    private (double Low, double High) _statisticRange;

    public LatentMapCanvas()
    {
        CanFocus = true;
    }

    public LatentMap? Map { get; private set; }

    /// <summary>Which part of the plane is shown.</summary>
    public MapViewport Area { get; } = new();

    /// <summary>The cursor's point on the map (origin: the corpus mean).</summary>
    public (double X, double Y) Crosshair { get; private set; }

    public (double X, double Y)? MarkA { get; set; }

    public (double X, double Y)? MarkB { get; set; }

    public MapPlacement? Placement { get; set; }

    public MapShading Shading { get; set; }

    /// <summary>Raised when the cursor moves to a new point (keys, mouse, or <see cref="MoveCursor"/>).</summary>
    public event Action? CursorMoved;

    /// <summary>Raised when the shown part of the map changes (zoom, pan).</summary>
    public event Action? AreaChanged;

    public void Show(LatentMap map)
    {
        Map = map;
        _fitted = false;
        _statisticRange = (0, 0);
        SetNeedsDraw();
    }

    public void MoveCursor(double x, double y)
    {
        Crosshair = (x, y);
        if (Map is not null && !CellOf(x, y).Inside)
            Area.CentreOn(x, y);
        SetNeedsDraw();
        CursorMoved?.Invoke();
    }

    public void CentreOnCursor() => ChangeArea(() => Area.CentreOn(Crosshair.X, Crosshair.Y));

    public void FitWholeMap() => ChangeArea(() => _fitted = false);

    /// <summary>The braille raster of the corpus as last drawn; for tests and for reading the picture back.</summary>
    public BrailleRaster? Raster { get; private set; }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var (columns, rows) = (Viewport.Width, Viewport.Height);
        if (Map is null || columns <= 0 || rows <= 0)
            return true;
        var raster = new BrailleRaster(columns, rows);
        if (!_fitted)
        {
            Area.Fit(Map.X, Map.Y, raster.Width, raster.Height);
            _statisticRange = StatisticRange(Map);
            _fitted = true;
        }
        for (var i = 0; i < Map.Sentences.Count; i++)
        {
            var (x, y) = Area.ToDot(Map.X[i], Map.Y[i], raster.Width, raster.Height);
            raster.Plot(x, y, Statistic(Map.Sentences[i]));
        }
        Raster = raster;
        var overlay = Overlays(raster.Columns, raster.Rows);
        var maxCount = Math.Max(1, raster.MaxCount);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                if (overlay.Glyph(column, row) is { } line)
                {
                    SetAttribute(new Attribute(Overlay, normal.Background));
                    AddRune(column, row, line);
                }
                else if (raster.Glyph(column, row) is { } dots)
                {
                    SetAttribute(new Attribute(Ramp[Level(raster, column, row, maxCount)], normal.Background));
                    AddRune(column, row, dots);
                }
                else
                {
                    SetAttribute(normal);
                    AddRune(column, row, new Rune(' '));
                }
            }
        }
        DrawMarker(MarkA, 'A');
        DrawMarker(MarkB, 'B');
        if (Placement is { } placed)
            DrawMarker((placed.X, placed.Y), 'μ');
        DrawCursor();
        SetAttribute(normal);
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (Map is null)
            return false;
        var (stepX, stepY) = (BrailleRaster.DotsPerColumn * Area.UnitsPerDot, BrailleRaster.DotsPerRow * Area.UnitsPerDot);
        var (panX, panY) = (Math.Max(1, Viewport.Width / 4) * BrailleRaster.DotsPerColumn, Math.Max(1, Viewport.Height / 4) * BrailleRaster.DotsPerRow);
        if (key == Key.CursorLeft)
            MoveCursor(Crosshair.X - stepX, Crosshair.Y);
        else if (key == Key.CursorRight)
            MoveCursor(Crosshair.X + stepX, Crosshair.Y);
        else if (key == Key.CursorUp)
            MoveCursor(Crosshair.X, Crosshair.Y + stepY);
        else if (key == Key.CursorDown)
            MoveCursor(Crosshair.X, Crosshair.Y - stepY);
        else if (key == Key.CursorLeft.WithShift)
            ChangeArea(() => Area.Pan(-panX, 0));
        else if (key == Key.CursorRight.WithShift)
            ChangeArea(() => Area.Pan(panX, 0));
        else if (key == Key.CursorUp.WithShift)
            ChangeArea(() => Area.Pan(0, panY));
        else if (key == Key.CursorDown.WithShift)
            ChangeArea(() => Area.Pan(0, -panY));
        else if (key.AsRune.Value is '+' or '=')
            ChangeArea(Area.ZoomIn);
        else if (key.AsRune.Value == '-')
            ChangeArea(Area.ZoomOut);
        else if (key == Key.Home)
            FitWholeMap();
        else
            return false;
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (Map is null || mouse.Position is not { } position)
            return false;
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
            ChangeArea(Area.ZoomIn);
        else if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
            ChangeArea(Area.ZoomOut);
        else if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) || mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked))
        {
            SetFocus();
            var (x, y) = Area.FromDot(
                position.X * BrailleRaster.DotsPerColumn + 0.5, position.Y * BrailleRaster.DotsPerRow + 1.5,
                Viewport.Width * BrailleRaster.DotsPerColumn, Viewport.Height * BrailleRaster.DotsPerRow);
            MoveCursor(x, y);
        }
        else
            return false;
        return true;
    }

    /// <summary>The cell of a map point on the current area, and whether it is visible.</summary>
    public (int Column, int Row, bool Inside) CellOf(double x, double y)
    {
        var (dotX, dotY) = Area.ToDot(x, y, Viewport.Width * BrailleRaster.DotsPerColumn, Viewport.Height * BrailleRaster.DotsPerRow);
        var (column, row) = (FloorDiv(dotX, BrailleRaster.DotsPerColumn), FloorDiv(dotY, BrailleRaster.DotsPerRow));
        return (column, row, column >= 0 && row >= 0 && column < Viewport.Width && row < Viewport.Height);
    }

    private void ChangeArea(Action change)
    {
        change();
        SetNeedsDraw();
        AreaChanged?.Invoke();
    }

    private double Statistic(LatentMapSentence sentence) => Shading switch
    {
        MapShading.Length => sentence.Tokens,
        MapShading.NllPerToken => sentence.NllPerToken,
        _ => 0,
    };

    /// <summary>The 5th to 95th percentile of the shaded statistic over the whole map, so colours mean the same when zooming.</summary>
    private (double Low, double High) StatisticRange(LatentMap map)
    {
        var values = map.Sentences.Select(Statistic).Order().ToArray();
        return (values[values.Length / 20], values[values.Length - 1 - values.Length / 20]);
    }

    private int Level(BrailleRaster raster, int column, int row, int maxCount)
    {
        double fraction;
        if (Shading == MapShading.Density)
            fraction = Math.Log(1 + raster.Count(column, row)) / Math.Log(1 + maxCount);
        else
        {
            var (low, high) = _statisticRange == (0, 0) ? StatisticRange(Map!) : _statisticRange;
            fraction = high > low ? (raster.Mean(column, row) - low) / (high - low) : 0.5;
        }
        return (int)Math.Clamp(Math.Floor(fraction * Ramp.Length), 0, Ramp.Length - 1);
    }

    /// <summary>The line from A to B and the placed sentence's ellipse, as braille dots over the corpus.</summary>
    private BrailleRaster Overlays(int columns, int rows)
    {
        var overlay = new BrailleRaster(columns, rows);
        if (MarkA is { } a && MarkB is { } b)
        {
            var from = Area.ToDot(a.X, a.Y, overlay.Width, overlay.Height);
            var to = Area.ToDot(b.X, b.Y, overlay.Width, overlay.Height);
            var steps = Math.Max(Math.Abs(to.X - from.X), Math.Abs(to.Y - from.Y));
            for (var i = 0; i <= steps && steps < 100_000; i++)
            {
                var t = steps == 0 ? 0 : (double)i / steps;
                overlay.Plot((int)Math.Round(from.X + t * (to.X - from.X)), (int)Math.Round(from.Y + t * (to.Y - from.Y)));
            }
        }
        if (Placement is { } placed)
        {
            // The 1σ ellipse of a 2-D Gaussian: the unit circle stretched by the covariance's eigenvalues' roots along its eigenvectors.
            var (xx, xy, yy) = placed.Covariance;
            var half = Math.Sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
            var (major, minor) = (Math.Sqrt(Math.Max(0, (xx + yy) / 2 + half)), Math.Sqrt(Math.Max(0, (xx + yy) / 2 - half)));
            var angle = 0.5 * Math.Atan2(2 * xy, xx - yy);
            for (var i = 0; i < EllipseSteps; i++)
            {
                var theta = 2 * Math.PI * i / EllipseSteps;
                var (u, v) = (major * Math.Cos(theta), minor * Math.Sin(theta));
                var (x, y) = (placed.X + u * Math.Cos(angle) - v * Math.Sin(angle), placed.Y + u * Math.Sin(angle) + v * Math.Cos(angle));
                var dot = Area.ToDot(x, y, overlay.Width, overlay.Height);
                overlay.Plot(dot.X, dot.Y);
            }
        }
        return overlay;
    }

    private void DrawMarker((double X, double Y)? point, char glyph)
    {
        if (point is not { } at || CellOf(at.X, at.Y) is not { Inside: true } cell)
            return;
        SetAttribute(new Attribute(Overlay, GetAttributeForRole(VisualRole.Normal).Background, TextStyle.Bold));
        AddRune(cell.Column, cell.Row, new Rune(glyph));
    }

    /// <summary>A small crosshair: the cursor's cell and one arm each side.</summary>
    private void DrawCursor()
    {
        if (CellOf(Crosshair.X, Crosshair.Y) is not { Inside: true } cell)
            return;
        SetAttribute(new Attribute(CursorColour, GetAttributeForRole(VisualRole.Normal).Background, TextStyle.Bold));
        foreach (var (dx, dy, glyph) in new[] { (-1, 0, '─'), (1, 0, '─'), (0, -1, '│'), (0, 1, '│'), (0, 0, '╋') })
        {
            var (column, row) = (cell.Column + dx, cell.Row + dy);
            if (column >= 0 && row >= 0 && column < Viewport.Width && row < Viewport.Height)
                AddRune(column, row, new Rune(glyph));
        }
    }

    private static int FloorDiv(int value, int divisor) => (int)Math.Floor((double)value / divisor);
}
