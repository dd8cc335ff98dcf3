using System.Text;

namespace TextVae.Tui;

/// <summary>
/// A grid of character cells, each drawn as a Unicode braille pattern of 2 × 4 dots, so a terminal cell shows eight
/// points of a scatter. Besides the dots, each cell counts the points that fell in it and sums a value carried by
/// them, for shading by density or by a statistic's mean.
/// </summary>
public sealed class BrailleRaster
{
    public const int DotsPerColumn = 2;
    public const int DotsPerRow = 4;

    // Unicode numbers a braille cell's dots 1–8 down the left column (1, 2, 3, 7) and the right (4, 5, 6, 8).
    private static readonly byte[,] DotBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    private readonly byte[] _bits;
    private readonly int[] _counts;
    private readonly double[] _sums;

    public BrailleRaster(int columns, int rows)
    {
        Columns = Math.Max(0, columns);
        Rows = Math.Max(0, rows);
        _bits = new byte[Columns * Rows];
        _counts = new int[Columns * Rows];
        _sums = new double[Columns * Rows];
    }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Dots across: two per cell.</summary>
    public int Width => Columns * DotsPerColumn;

    /// <summary>Dots down: four per cell.</summary>
    public int Height => Rows * DotsPerRow;

    /// <summary>Sets the dot at (<paramref name="x"/>, <paramref name="y"/>) (y down) and counts <paramref name="value"/> in its cell; false when it lies outside.</summary>
    public bool Plot(int x, int y, double value = 0)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
            return false;
        var cell = y / DotsPerRow * Columns + x / DotsPerColumn;
        _bits[cell] |= DotBits[x % DotsPerColumn, y % DotsPerRow];
        _counts[cell]++;
        _sums[cell] += value;
        return true;
    }

    /// <summary>Points plotted in the cell.</summary>
    public int Count(int column, int row) => _counts[row * Columns + column];

    /// <summary>The mean value of the cell's points; NaN when it has none.</summary>
    public double Mean(int column, int row) => _counts[row * Columns + column] is var count and > 0 ? _sums[row * Columns + column] / count : double.NaN;

    /// <summary>The cell's braille character, or null when none of its dots is set.</summary>
    public Rune? Glyph(int column, int row) => _bits[row * Columns + column] is var bits and > 0 ? new Rune(0x2800 + bits) : null;

    public int MaxCount => _counts.Length == 0 ? 0 : _counts.Max();
}
