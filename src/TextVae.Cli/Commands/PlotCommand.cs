using System.CommandLine;
using System.Text.Json;
using TextVae.Plotting;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae plot frontier</c>: reconstruction BLEU against IW-NLL for <c>eval --json</c> reports of several models.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var points = new Option<string[]>("--point")
        {
            Description = "LABEL=REPORT.json, a report written by eval --json (repeatable, one per model).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out") { Description = "PNG file to write.", Required = true };
        var title = new Option<string>("--title") { Description = "Title of the figure.", DefaultValueFactory = _ => "reconstruction against likelihood" };
        var frontier = new Command("frontier", "Plot reconstruction BLEU against IW-NLL, one point per eval --json report.") { points, output, title };
        frontier.SetAction(parse =>
        {
            var reports = parse.GetValue(points)!.Select(Read).ToArray();
            var path = parse.GetValue(output)!;
            FrontierPlot.Render(reports, path, parse.GetValue(title)!);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {path} ({reports.Length} points)");
            return 0;
        });
        return new Command("plot", "Figures from saved results.") { frontier };
    }

    /// <summary>Reads the two fields the figure needs, so reports of older <c>eval</c> versions plot too.</summary>
    private static (string Label, double IwNll, double Bleu) Read(string point)
    {
        var split = point.IndexOf('=');
        if (split <= 0)
            throw new TextVaeException($"--point '{point}' must be LABEL=REPORT.json");
        var path = point[(split + 1)..];
        if (!File.Exists(path))
            throw new TextVaeException($"--point {point}: {path} does not exist");
        try
        {
            using var report = JsonDocument.Parse(File.ReadAllText(path));
            return (point[..split], report.RootElement.GetProperty("iw_nll").GetDouble(), report.RootElement.GetProperty("bleu").GetDouble());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new TextVaeException($"--point {point}: {path} is not an eval --json report with iw_nll and bleu ({e.Message.Split('\n')[0]})", e);
        }
    }
}
