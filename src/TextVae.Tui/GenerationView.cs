using System.Collections.ObjectModel;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>
/// What the window's views share: a model that may be missing, the worker, a list of result lines (which Ctrl+S
/// saves), and the keys the view adds to the help line. Only the shown view is visible.
/// </summary>
public abstract class GenerationView : View
{
    private readonly ObservableCollection<string> _lines = [];

    protected GenerationView(string title, LoadedModel model, GenerationWorker worker)
    {
        Title = title;
        Model = model;
        Worker = worker;
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
        Visible = false;
        Results = new ListView { X = 0, Width = Dim.Fill(), Height = Dim.Fill(), Source = new ListWrapper<string>(_lines) };
        Results.ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar; // shown only while lines lie outside the list, so a cut list says so
    }

    /// <summary>The result lines as shown; what Ctrl+S writes.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Keys this view adds to the window's (shown in the help line while the view is).</summary>
    public virtual IReadOnlyList<ViewAction> Actions => [];

    /// <summary>Where the cursor goes when the view is shown.</summary>
    public abstract View FirstField { get; }

    /// <summary>Called each time the window shows this view, for work a view does only once it is looked at.</summary>
    public virtual void Shown()
    {
    }

    protected LoadedModel Model { get; }

    protected GenerationWorker Worker { get; }

    /// <summary>The list of result lines; the selection is what "use selected" actions take.</summary>
    public ListView Results { get; }

    /// <summary>Adds <paramref name="legend"/> (when given) at <paramref name="y"/> and the result list below it, filling the view.</summary>
    protected void PlaceResults(Pos y, string? legend)
    {
        if (legend is not null)
        {
            var label = new Label { Text = legend, X = 0, Y = y };
            Add(label);
            y = Pos.Bottom(label);
        }
        Results.Y = y;
        Add(Results);
    }

    protected void ShowLines(IEnumerable<string> lines)
    {
        _lines.Clear();
        foreach (var line in lines)
            _lines.Add(line);
    }

    /// <summary>
    /// Reads the form with <paramref name="prepare"/> on the UI thread (a wrong value is reported, nothing runs) and
    /// runs the request it returns on the worker; without a model, says why instead.
    /// </summary>
    protected void Request<T>(string name, Func<TextGenerator, Func<T>> prepare, Func<T, string> show)
    {
        if (Model.Generator is not { } generator)
        {
            Worker.Fail(Model.Problem!);
            return;
        }
        Func<T> work;
        try
        {
            work = prepare(generator);
        }
        catch (TextVaeException e)
        {
            Worker.Fail($"{name}: {ErrorText.Of(e)}");
            return;
        }
        Worker.Submit(name, work, show);
    }

    /// <summary>"*" for a sentence found verbatim in the training corpus (see the views' legends).</summary>
    protected static string Mark(bool? inTrainingCorpus) => inTrainingCorpus == true ? "*" : " ";

    /// <summary>The selected result's index below <paramref name="count"/>, or null (with a message) when nothing is selected.</summary>
    protected int? Selected(int count)
    {
        if (Results.SelectedItem is { } index && index >= 0 && index < count)
            return index;
        Worker.Fail("select a result in the list first (Tab to the list, arrow keys)");
        return null;
    }
}
