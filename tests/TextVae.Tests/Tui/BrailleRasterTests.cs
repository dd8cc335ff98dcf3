using TextVae.Tui;

namespace TextVae.Tests.Tui;

public sealed class BrailleRasterTests
{
    [Fact]
    public void Dots_map_to_the_braille_pattern_bits_and_cells_count_their_points()
    {
        var raster = new BrailleRaster(2, 1);
        raster.Plot(0, 0, 1); // dot 1
        raster.Plot(1, 3, 3); // dot 8
        raster.Plot(1, 3, 5);
        raster.Plot(2, 1); // second cell, dot 2

        Assert.Equal(new System.Text.Rune(0x2800 + 0x01 + 0x80), raster.Glyph(0, 0));
        Assert.Equal(new System.Text.Rune(0x2800 + 0x02), raster.Glyph(1, 0));
        Assert.Equal(3, raster.Count(0, 0));
        Assert.Equal(3, raster.Mean(0, 0));
        Assert.False(raster.Plot(4, 0));
        Assert.False(raster.Plot(0, -1));
        Assert.Equal((4, 4), (raster.Width, raster.Height));
    }

    [Fact]
    public void An_empty_cell_has_no_glyph_and_no_mean()
    {
        var raster = new BrailleRaster(1, 1);
        Assert.Null(raster.Glyph(0, 0));
        Assert.True(double.IsNaN(raster.Mean(0, 0)));
    }

    [Fact]
    public void The_viewport_maps_points_to_dots_and_back_and_zooms_about_its_centre()
    {
        var viewport = new MapViewport();
        viewport.Fit([-10, 10, 0], [-5, 5, 0], 42, 22);
        Assert.Equal((0.0, 0.0), (viewport.CentreX, viewport.CentreY));
        Assert.Equal(0.5, viewport.UnitsPerDot, 9); // 20 units over 40 dots, the tighter axis
        var dot = viewport.ToDot(3.2, -1.7, 42, 22);
        var (x, y) = viewport.FromDot(dot.X, dot.Y, 42, 22);
        Assert.True(Math.Abs(x - 3.2) <= 0.25 && Math.Abs(y + 1.7) <= 0.25);
        Assert.True(viewport.ToDot(0, 1, 42, 22).Y < viewport.ToDot(0, 0, 42, 22).Y); // up on the map is up on the screen

        viewport.ZoomIn();
        Assert.Equal(1.5, viewport.Zoom, 9);
        viewport.Pan(4, 0);
        Assert.Equal(4 * viewport.UnitsPerDot, viewport.CentreX, 9);
    }
}
