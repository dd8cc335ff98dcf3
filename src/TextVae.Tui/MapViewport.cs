namespace TextVae.Tui;

/// <summary>
/// Which part of the map plane a raster of braille dots shows: a centre and the map units one dot spans, the same
/// across and down (a braille dot is about as wide as it is high, so the picture is not stretched). Y grows upwards
/// on the map and downwards on the screen.
/// </summary>
public sealed class MapViewport
{
    private const double ZoomStep = 1.5;

    public double CentreX { get; private set; }

    public double CentreY { get; private set; }

    /// <summary>Map units per braille dot.</summary>
    public double UnitsPerDot { get; private set; } = 1;

    /// <summary>How far in the view is from its fitted scale (1 = the whole map fits).</summary>
    public double Zoom => _fittedUnitsPerDot / UnitsPerDot;

    private double _fittedUnitsPerDot = 1;

    /// <summary>Centres on the points and scales them to fill <paramref name="widthDots"/> × <paramref name="heightDots"/>, ignoring the outer 0.5 % on each side so a few outliers do not shrink the rest to a dot.</summary>
    public void Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, int widthDots, int heightDots)
    {
        var (left, right) = Range(x);
        var (bottom, top) = Range(y);
        CentreX = (left + right) / 2;
        CentreY = (bottom + top) / 2;
        var spread = Math.Max((right - left) / Math.Max(1, widthDots - 2), (top - bottom) / Math.Max(1, heightDots - 2));
        UnitsPerDot = _fittedUnitsPerDot = spread > 0 ? spread : 1;
    }

    public void ZoomIn() => UnitsPerDot /= ZoomStep;

    public void ZoomOut() => UnitsPerDot *= ZoomStep;

    /// <summary>Moves the view by a number of dots (right and up positive).</summary>
    public void Pan(double dotsRight, double dotsUp)
    {
        CentreX += dotsRight * UnitsPerDot;
        CentreY += dotsUp * UnitsPerDot;
    }

    public void CentreOn(double x, double y) => (CentreX, CentreY) = (x, y);

    /// <summary>The dot a map point falls in, for a raster of the given size (may lie outside it).</summary>
    public (int X, int Y) ToDot(double x, double y, int widthDots, int heightDots) => (
        (int)Math.Floor((x - CentreX) / UnitsPerDot + widthDots / 2.0),
        (int)Math.Floor((CentreY - y) / UnitsPerDot + heightDots / 2.0));

    /// <summary>The map point at the centre of a dot.</summary>
    public (double X, double Y) FromDot(double dotX, double dotY, int widthDots, int heightDots) => (
        CentreX + (dotX + 0.5 - widthDots / 2.0) * UnitsPerDot,
        CentreY - (dotY + 0.5 - heightDots / 2.0) * UnitsPerDot);

    private static (double Low, double High) Range(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var cut = sorted.Length / 200;
        return (sorted[cut], sorted[sorted.Length - 1 - cut]);
    }
}
