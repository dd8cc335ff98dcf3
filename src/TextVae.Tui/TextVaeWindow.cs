using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TextVae.Tui;

/// <summary>
/// The main window: a line of the five views (switched with F2–F6, the shown one in brackets), the view, a status
/// line (work under way, the last request's time, errors; the file name prompt while saving) and a help line of the
/// shown view's keys. Keys are taken before the focused view sees them, so they work from any field.
/// </summary>
public sealed class TextVaeWindow : Window
{
    private readonly IApplication _app;
    private readonly string _saveDirectory;
    private readonly GenerationView[] _views;
    private readonly ViewAction[] _viewActions;
    private readonly ViewAction[] _windowActions;
    private readonly StatusBar _help = new();
    private readonly List<Shortcut> _shortcuts = [];
    private readonly Label _status;
    private readonly Label _tabs = new() { X = 0, Y = 0, Width = Dim.Fill() };
    private readonly SavePrompt _savePrompt = new() { X = 0, Y = Pos.AnchorEnd(2) };
    private View? _focusBeforeSave;

    /// <param name="mapCorpus">The sentences the map view shows; null for the checkpoint's training corpus.</param>
    public TextVaeWindow(IApplication app, LoadedModel model, GenerationWorker worker, string saveDirectory, string? mapCorpus = null)
    {
        _app = app;
        _saveDirectory = saveDirectory;
        Title = model.Generator is { } generator ? $"TextVae — {generator.CheckpointPath}" : "TextVae — no model";
        SampleView = new SampleView(model, worker);
        InterpolateView = new InterpolateView(model, worker);
        ParaphraseView = new ParaphraseView(model, worker);
        ModelView = new ModelView(model, worker);
        MapView = new MapView(model, worker, mapCorpus);
        _views = [SampleView, InterpolateView, ParaphraseView, ModelView, MapView];
        foreach (var view in _views)
        {
            view.Y = 1;
            view.Height = Dim.Fill(2);
        }
        Add(_tabs);
        Add(_views);

        _status = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Text = model.Problem ?? "ready" };
        Add(_status, _savePrompt);
        worker.Reported += report => Status = report.Failed ? $"error: {report.Message}" : report.Message;

        Key[] viewKeys = [Key.F2, Key.F3, Key.F4, Key.F5, Key.F6];
        _viewActions = [.. _views.Select((view, i) => new ViewAction(viewKeys[i], view.Title, () => Show(view)))];
        _windowActions = [new ViewAction(Key.S.WithCtrl, "Save", Save), new ViewAction(Key.Q.WithCtrl, "Quit", Quit)];
        Add(_help);

        _app.Keyboard.KeyDown += OnKeyDown;
        Show(model.Generator is null ? ModelView : SampleView);
    }

    public SampleView SampleView { get; }

    public InterpolateView InterpolateView { get; }

    public ParaphraseView ParaphraseView { get; }

    public ModelView ModelView { get; }

    public MapView MapView { get; }

    /// <summary>Shown while Ctrl+S asks for a file name.</summary>
    public SavePrompt SavePrompt => _savePrompt;

    public GenerationView Current { get; private set; } = null!;

    /// <summary>The status line: "ready", "working… sample", the last result and its time, or an error.</summary>
    public string Status
    {
        get => _status.Text;
        private set => _status.Text = value;
    }

    public void Show(GenerationView view)
    {
        Current = view;
        foreach (var each in _views)
            each.Visible = each == view;
        _tabs.Text = string.Join("  ", _viewActions.Select(action =>
            action.Title == view.Title ? $"[{action.Key} {action.Title}]" : $" {action.Key} {action.Title} "));
        // Hidden shortcuts would still take room in the bar, so it is refilled with the shown view's keys.
        foreach (var shortcut in _shortcuts)
        {
            _help.Remove(shortcut);
            shortcut.Dispose();
        }
        _shortcuts.Clear();
        _shortcuts.AddRange(view.Actions.Concat(_windowActions).Select(Shortcut));
        _help.Add([.. _shortcuts]);
        view.FirstField.SetFocus();
        view.Shown();
    }

    /// <summary>Asks for a file name for the current view's lines (Enter saves, Esc cancels).</summary>
    public void Save()
    {
        if (Current.Lines.Count == 0)
        {
            Status = $"error: nothing to save in {Current.Title} yet";
            return;
        }
        _focusBeforeSave = _app.Navigation?.GetFocused();
        _savePrompt.FileName.Text = SavePrompt.DefaultName(_saveDirectory, Current.Title, DateTime.Now);
        _status.Visible = false;
        _savePrompt.Visible = true;
        _savePrompt.FileName.SetFocus();
    }

    /// <summary>Writes the lines to the prompt's file name (relative to the save folder); an existing file is never overwritten.</summary>
    private void SaveAs()
    {
        var name = _savePrompt.FileName.Text.Trim();
        CloseSavePrompt();
        if (name.Length == 0)
        {
            Status = "error: no file name given; nothing saved";
            return;
        }
        var path = Path.Combine(_saveDirectory, name);
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(file))
            {
                foreach (var line in Current.Lines)
                    writer.WriteLine(line);
            }
            Status = $"saved {Current.Lines.Count} lines to {path}";
        }
        catch (IOException) when (File.Exists(path))
        {
            Status = $"error: {path} exists and was kept; save again under another name";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Status = $"error: cannot save {path}: {e.Message}";
        }
    }

    private void CloseSavePrompt()
    {
        _savePrompt.Visible = false;
        _status.Visible = true;
        (_focusBeforeSave ?? Current.FirstField).SetFocus();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _app.Keyboard.KeyDown -= OnKeyDown;
        base.Dispose(disposing);
    }

    private static Shortcut Shortcut(ViewAction action) => new(action.Key, action.Title, action.Run, "");

    private void OnKeyDown(object? sender, Key key)
    {
        if (_savePrompt.Visible && (key == Key.Enter || key == Key.Esc))
        {
            key.Handled = true;
            if (key == Key.Enter)
                SaveAs();
            else
                CloseSavePrompt();
            return;
        }
        // Ctrl+C is the terminal's usual interrupt; a raw-mode TUI receives it as a key and would otherwise copy.
        var action = key == Key.C.WithCtrl
            ? new ViewAction(key, "Quit", Quit)
            : _viewActions.Concat(_windowActions).Concat(Current.Actions).FirstOrDefault(candidate => candidate.Key == key);
        if (action is null)
            return;
        key.Handled = true;
        action.Run();
    }

    private void Quit() => _app.RequestStop();
}
