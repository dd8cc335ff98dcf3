using System.CommandLine;
using TextVae.Tui;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae tui</c>: the terminal UI over the newest (or the given) checkpoint.</summary>
public static class TuiCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = "Checkpoint to open (default: the newest best/last under runs/).",
        };
        var mapData = new Option<string?>("--map-data")
        {
            Description = "Sentences (one per line) the map view shows (default: the checkpoint's training corpus).",
        };
        var device = CommonOptions.Device();
        var command = new Command("tui", "Open the terminal UI: sample, interpolate, paraphrase, inspect the model, walk the latent map.") { checkpoint, mapData, device.Option };
        command.SetAction(parse => TuiApplication.Run(parse.GetValue(checkpoint), device.Read(parse), parse.GetValue(mapData)));
        return command;
    }
}
