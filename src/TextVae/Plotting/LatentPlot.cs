using ScottPlot;
using TextVae.Generation;
using static TorchSharp.torch;

namespace TextVae.Plotting;

/// <summary>Draws sentences' posterior means projected to 2-D by PCA, coloured by sentence length (tokens), as a PNG.</summary>
public static class LatentPlot
{
    /// <param name="points">Each sentence's posterior mean and length in tokens.</param>
    public static void Render(IReadOnlyList<(float[] Mean, int Tokens)> points, string pngPath, string title)
    {
        if (points.Count == 0)
            throw new TextVaeException("there are no sentences to plot");
        using var scope = NewDisposeScope();
        var means = tensor(points.SelectMany(point => point.Mean).ToArray(), [points.Count, points[0].Mean.Length]); // [n, latent]
        var (coordinates, explained) = PrincipalComponents.Project(means);
        var xy = coordinates.data<double>().ToArray(); // row-major [n, 2]
        var lengths = points.Select(point => point.Tokens).ToArray();
        var colours = new ScottPlot.Colormaps.Viridis();
        var range = new ScottPlot.Range(lengths.Min(), Math.Max(lengths.Max(), lengths.Min() + 1));

        var plot = new Plot();
        // One marker group per length: ScottPlot's Markers colour by a single value, and lengths are few.
        foreach (var group in Enumerable.Range(0, points.Count).GroupBy(i => lengths[i]))
        {
            var markers = plot.Add.Markers(group.Select(i => xy[2 * i]).ToArray(), group.Select(i => xy[2 * i + 1]).ToArray(),
                MarkerShape.FilledCircle, 5, colours.GetColor(range.Normalize(group.Key, clamp: true)));
            markers.LegendText = "";
        }
        var bar = plot.Add.ColorBar(new LengthAxis(colours, range), Edge.Right);
        bar.Label = "sentence length (tokens)";
        plot.Title(title);
        plot.XLabel($"PC1 ({explained[0]:P0} of variance)");
        plot.YLabel($"PC2 ({explained[1]:P0} of variance)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        plot.SavePng(pngPath, 900, 700);
    }

    /// <summary>The colour scale of the lengths, for the colour bar.</summary>
    private sealed class LengthAxis(IColormap colormap, ScottPlot.Range range) : IHasColorAxis
    {
        public IColormap Colormap => colormap;

        public ScottPlot.Range GetRange() => range;
    }
}
