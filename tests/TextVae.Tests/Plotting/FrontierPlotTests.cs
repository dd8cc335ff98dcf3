using TextVae.Plotting;

namespace TextVae.Tests.Plotting;

public class FrontierPlotTests
{
    [Fact]
    public void Writes_a_png_with_one_point_per_report()
    {
        using var directory = new TemporaryDirectory();
        var png = directory.File("frontier.png");

        FrontierPlot.Render([("lm", 53, 0), ("vae", 55, 5.1)], png, "test");

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void No_reports_is_an_error_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        var png = directory.File("frontier.png");

        Assert.Throws<TextVaeException>(() => FrontierPlot.Render([], png, "test"));
        Assert.False(File.Exists(png));
    }
}
