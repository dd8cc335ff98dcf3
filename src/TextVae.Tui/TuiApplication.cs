using Terminal.Gui.App;
using TextVae.Runtime;

namespace TextVae.Tui;

/// <summary>Entry point of <c>textvae tui</c>: opens the model (or finds why not), then runs the window until quit.</summary>
public static class TuiApplication
{
    /// <param name="mapCorpus">The sentences the map view shows; null for the checkpoint's training corpus.</param>
    public static int Run(string? checkpoint, DeviceChoice device, string? mapCorpus = null)
    {
        using var model = LoadedModel.Open(checkpoint, device);
        using var app = Application.Create();
        app.Init();
        // Disposed in reverse: the window, then the worker (waiting for a running request), then the app and the model.
        using var worker = new GenerationWorker(app);
        using var window = new TextVaeWindow(app, model, worker, Environment.CurrentDirectory, mapCorpus);
        app.Run(window);
        return 0;
    }
}
