using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using TextVae.Tui;

namespace TextVae.Tests.Tui;

/// <summary>
/// The real window on Terminal.Gui's ANSI driver with no terminal behind it: keys are injected, the worker is
/// awaited and its posted results run as the main loop would, and the screen is read back as text.
/// </summary>
internal sealed class TuiHarness : IDisposable
{
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromSeconds(30);

    private readonly IApplication _app;
    private readonly LoadedModel _model;

    /// <param name="size">The screen's columns and rows; 80 × 24 is what a new terminal has.</param>
    public TuiHarness(LoadedModel model, string saveDirectory, string? mapCorpus = null, (int Columns, int Rows)? size = null)
    {
        _model = model;
        _app = Application.Create();
        _app.Init(DriverRegistry.Names.ANSI);
        var (columns, rows) = size ?? (120, 40);
        _app.Driver!.SetScreenSize(columns, rows);
        Worker = new GenerationWorker(_app);
        Worker.Reported += report => StatusHistory.Add(report.Message);
        Window = new TextVaeWindow(_app, model, Worker, saveDirectory, mapCorpus);
        _app.Begin(Window);
        Draw();
    }

    public TextVaeWindow Window { get; }

    public LoadedModel Model => _model;

    public GenerationWorker Worker { get; }

    /// <summary>Every message the worker reported, oldest first (the status line shows only the newest).</summary>
    public List<string> StatusHistory { get; } = [];

    /// <summary>The whole screen as text, after a fresh layout and draw.</summary>
    public string Screen
    {
        get
        {
            Draw();
            return _app.Driver!.ToString()!;
        }
    }

    public void Press(Key key) => _app.InjectKey(key);

    /// <summary>Every cell of <paramref name="view"/>'s viewport as drawn on the screen.</summary>
    public Dictionary<(int Column, int Row), char> Cells(View view)
    {
        var lines = Screen.Split('\n');
        var cells = new Dictionary<(int, int), char>();
        for (var row = 0; row < view.Viewport.Height; row++)
        {
            for (var column = 0; column < view.Viewport.Width; column++)
            {
                var onScreen = view.ViewportToScreen(new Point(column, row));
                cells[(column, row)] = lines[onScreen.Y][onScreen.X];
            }
        }
        return cells;
    }

    public void Type(string text)
    {
        foreach (var character in text)
            Press(new Key(character));
    }

    /// <summary>
    /// Waits until the worker is idle, then runs what it posted to the UI thread, again while that submitted more work
    /// (a quick request can finish and post its result before this looks again, so submissions are counted as well).
    /// </summary>
    public void WaitForWorker()
    {
        long submitted;
        do
        {
            Assert.True(Worker.WhenIdle().Wait(WorkerTimeout), $"the worker did not finish within {WorkerTimeout}");
            submitted = Worker.Submitted;
            _app.TimedEvents!.RunTimers();
        }
        while (Worker.Busy || Worker.Submitted != submitted);
        Draw();
    }

    public void Dispose()
    {
        Window.Dispose();
        Worker.Dispose();
        _app.Dispose();
        _model.Dispose();
    }

    private void Draw() => _app.LayoutAndDraw(true);
}
