using ScottPlot;

namespace TextVae.Plotting;

/// <summary>
/// The reconstruction–likelihood frontier of several models measured on one data set: reconstruction BLEU against
/// importance-weighted NLL, one labelled point per model. Up and to the left is better.
/// </summary>
public static class FrontierPlot
{
    /// <param name="points">Label, IW-NLL (nats per sentence) and reconstruction BLEU of each model.</param>
    public static void Render(IReadOnlyList<(string Label, double IwNll, double Bleu)> points, string pngPath, string title)
    {
        if (points.Count == 0)
            throw new TextVaeException("a frontier plot needs at least one evaluation report");
        var plot = new Plot();
        foreach (var (label, nll, bleu) in points)
        {
            var marker = plot.Add.Marker(nll, bleu);
            marker.MarkerSize = 9;
            var text = plot.Add.Text(label, nll, bleu);
            text.LabelFontSize = 11;
            text.OffsetX = 6;
            text.OffsetY = -6;
        }
        // BLEU from 0, so small differences do not look large; room on the right for the last label.
        plot.Axes.AutoScale();
        var nlls = points.Select(p => p.IwNll).ToArray();
        var span = Math.Max(1, nlls.Max() - nlls.Min());
        plot.Axes.SetLimitsX(nlls.Min() - 0.1 * span, nlls.Max() + 0.35 * span);
        plot.Axes.SetLimitsY(0, Math.Max(1, points.Max(p => p.Bleu)) * 1.25);
        plot.Title(title);
        plot.XLabel("IW-NLL (nats per sentence, lower is better)");
        plot.YLabel("reconstruction BLEU (higher is better)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        plot.SavePng(pngPath, 900, 600);
    }
}
