using System.CommandLine;
using TextVae.Generation;
using TextVae.Runtime;
using TextVae.Checkpoints;

namespace TextVae.Cli.Commands;

/// <summary>The options of every command that runs a trained model: --checkpoint, --device, --json and, where it draws random numbers, --seed.</summary>
public sealed class ModelCommandOptions
{
    public Option<string?> Checkpoint { get; } = new("--checkpoint")
    {
        Description = $"Checkpoint file (default: the newest best.tvae, else last.tvae, under {CheckpointLocator.RunsDirectory}/).",
    };

    public ChoiceOption<DeviceChoice> Device { get; } = CommonOptions.Device();

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the random numbers (latent samples and sampling strategies); the same seed gives the same output.",
        DefaultValueFactory = _ => 0,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document (inputs, settings, outputs with scores) instead of text." };

    public ModelCommandOptions(Command command, bool seeded)
    {
        command.Options.Add(Checkpoint);
        command.Options.Add(Device.Option);
        if (seeded)
            command.Options.Add(Seed);
        command.Options.Add(Json);
    }

    public TextGenerator Load(ParseResult parse) => TextGenerator.Load(CheckpointPath(parse), ResolveDevice(parse));

    /// <summary>The checkpoint file chosen: --checkpoint, else the newest under the runs folder.</summary>
    public string CheckpointPath(ParseResult parse) => CheckpointLocator.Resolve(parse.GetValue(Checkpoint));

    public TorchSharp.torch.Device ResolveDevice(ParseResult parse) => DeviceSelector.Resolve(Device.Read(parse));
}
