using System.CommandLine;
using System.Text.Json;
using TextVae.Evaluation;
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

    private static (string Label, EvaluationReport Report) Read(string point)
    {
        var split = point.IndexOf('=');
        if (split <= 0)
            throw new TextVaeException($"--point '{point}' must be LABEL=REPORT.json");
        var path = point[(split + 1)..];
        if (!File.Exists(path))
            throw new TextVaeException($"--point {point}: {path} does not exist");
        try
        {
            return (point[..split], JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path))
                ?? throw new TextVaeException($"--point {point}: {path} is empty"));
        }
        catch (JsonException e)
        {
            throw new TextVaeException($"--point {point}: {path} is not an eval --json report ({e.Message.Split('\n')[0]})", e);
        }
    }
}
