using ScottPlot;
using TextVae.Evaluation;

namespace TextVae.Plotting;

/// <summary>
/// The reconstruction–likelihood frontier of several models measured on one data set: reconstruction BLEU against
/// importance-weighted NLL, one labelled point per model. Up and to the left is better.
/// </summary>
public static class FrontierPlot
{
    public static void Render(IReadOnlyList<(string Label, EvaluationReport Report)> points, string pngPath, string title)
    {
        if (points.Count == 0)
            throw new TextVaeException("a frontier plot needs at least one evaluation report");
        var plot = new Plot();
        foreach (var (label, report) in points)
        {
            var marker = plot.Add.Marker(report.IwNll, report.ReconstructionBleu);
            marker.MarkerSize = 9;
            var text = plot.Add.Text(label, report.IwNll, report.ReconstructionBleu);
            text.LabelFontSize = 11;
            text.OffsetX = 6;
            text.OffsetY = -6;
        }
        // BLEU from 0, so small differences do not look large; room on the right for the last label.
        plot.Axes.AutoScale();
        var nll = points.Select(p => p.Report.IwNll).ToArray();
        var span = Math.Max(1, nll.Max() - nll.Min());
        plot.Axes.SetLimitsX(nll.Min() - 0.1 * span, nll.Max() + 0.35 * span);
        plot.Axes.SetLimitsY(0, Math.Max(1, points.Max(p => p.Report.ReconstructionBleu)) * 1.25);
        plot.Title(title);
        plot.XLabel("IW-NLL (nats per sentence, lower is better)");
        plot.YLabel("reconstruction BLEU (higher is better)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        plot.SavePng(pngPath, 900, 600);
    }
}
