using ScottPlot;
using TextVae.Training;

namespace TextVae.Plotting;

/// <summary>Draws the training curves of a run (loss, reconstruction, KL and KL weight against step) as a PNG.</summary>
public static class TrainingCurvePlot
{
    /// <summary>Redraws the run's <c>curves.png</c> from its metrics after every validation of <paramref name="session"/>.</summary>
    public static void RedrawAfterEachValidation(TrainingSession session) =>
        session.Trainer.Validated += _ => Render(new MetricsLog(session.Folder.Metrics).ReadAll(), session.Folder.Curves, session.Folder.Name);

    public static void Render(IReadOnlyList<MetricsRecord> records, string pngPath, string title)
    {
        var train = records.Where(r => r.Kind == MetricsRecordKind.Train).ToList();
        var valid = records.Where(r => r.Kind == MetricsRecordKind.Valid).ToList();
        var figure = new Multiplot();
        figure.AddPlots(3);
        figure.Layout = new ScottPlot.MultiplotLayouts.Rows();

        var losses = figure.GetPlot(0);
        AddLine(losses, train, r => r.Loss, "train loss");
        AddLine(losses, train, r => r.Reconstruction, "train reconstruction");
        AddLine(losses, valid, r => r.Reconstruction, "valid reconstruction");
        AddLine(losses, valid, r => r.Loss, "valid −ELBO");
        losses.Title(title);
        losses.YLabel("nats / sentence");
        losses.ShowLegend(Alignment.UpperRight);

        var kl = figure.GetPlot(1);
        AddLine(kl, train, r => r.Kl, "train KL");
        AddLine(kl, valid, r => r.Kl, "valid KL");
        kl.YLabel("KL (nats)");
        kl.ShowLegend(Alignment.UpperLeft);

        var weight = figure.GetPlot(2);
        AddLine(weight, train, r => r.KlWeight, "KL weight");
        weight.YLabel("KL weight");
        weight.XLabel("step");
        weight.Axes.SetLimitsY(0, 1.05);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        figure.SavePng(pngPath, 900, 900);
    }

    private static void AddLine(Plot plot, List<MetricsRecord> records, Func<MetricsRecord, double> value, string label)
    {
        if (records.Count == 0)
            return;
        var line = plot.Add.ScatterLine(records.Select(r => (double)r.Step).ToArray(), records.Select(value).ToArray());
        line.LegendText = label;
        line.MarkerSize = records.Count < 30 ? 5 : 0;
    }
}
