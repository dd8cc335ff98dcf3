using TextVae.Evaluation;
using TextVae.Plotting;

namespace TextVae.Tests.Plotting;

public class FrontierPlotTests
{
    private static EvaluationReport Report(double nll, double bleu) => new()
    {
        Elbo = -nll - 1, Reconstruction = nll - 5, Kl = 6, IwNll = nll, Perplexity = 80, MutualInformation = 3,
        ActiveUnits = 8, ReconstructionBleu = bleu, Sentences = 10, Tokens = 100,
    };

    [Fact]
    public void Writes_a_png_with_one_point_per_report()
    {
        using var directory = new TemporaryDirectory();
        var png = directory.File("frontier.png");

        FrontierPlot.Render([("lm", Report(53, 0)), ("vae", Report(55, 5.1))], png, "test");

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
