using TextVae.Generation;
using TextVae.Runtime;
using TextVae.Checkpoints;

namespace TextVae.Tui;

/// <summary>
/// The model the UI works with, or the one-line reason there is none: the window opens either way and shows the
/// reason, so a missing or broken checkpoint is never a crash.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    public const string NoModelMessage =
        "No model yet: run `textvae quickstart` (or `textvae train --config configs/quickstart.json`) and open the UI again, or pass --checkpoint PATH.";

    private LoadedModel(TextGenerator? generator, string? problem)
    {
        Generator = generator;
        Problem = problem;
    }

    public TextGenerator? Generator { get; }

    /// <summary>Why there is no generator; null when there is one.</summary>
    public string? Problem { get; }

    public static LoadedModel Of(TextGenerator generator) => new(generator, null);

    /// <summary>The requested checkpoint, or the newest under <paramref name="runsDirectory"/> (which holds the quickstart's run too).</summary>
    public static LoadedModel Open(string? checkpoint, DeviceChoice device, string runsDirectory = CheckpointLocator.RunsDirectory)
    {
        try
        {
            var path = checkpoint ?? CheckpointLocator.FindNewest(runsDirectory);
            if (path is null)
                return new LoadedModel(null, NoModelMessage);
            var resolved = DeviceSelector.Resolve(device);
            return new LoadedModel(TextGenerator.Load(CheckpointLocator.Resolve(path, runsDirectory), resolved), null);
        }
        catch (Exception e)
        {
            return new LoadedModel(null, ErrorText.Of(e));
        }
    }

    public void Dispose() => Generator?.Dispose();
}
