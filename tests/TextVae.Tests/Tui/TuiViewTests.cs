using Terminal.Gui.Input;
using TextVae.Tui;

namespace TextVae.Tests.Tui;

/// <summary>The views driven through the real window and worker with a trained tiny model, one behaviour per test.</summary>
[Collection(TinyModelCollection.Name)]
public sealed class TuiViewTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private TuiHarness Open() => new(LoadedModel.Open(tiny.Checkpoint, "cpu"), _directory.Path);

    [Fact]
    public void Sample_lists_the_requested_number_of_sentences()
    {
        using var ui = Open();
        Assert.Same(ui.Window.SampleView, ui.Window.Current);
        ui.Press(Key.End); // the cursor starts in the count field, "10"
        ui.Press(Key.Backspace);
        ui.Press(Key.Backspace);
        ui.Type("7");
        ui.Press(Key.G.WithCtrl);
        Assert.StartsWith("working… sample", ui.Window.Status);
        ui.WaitForWorker();

        Assert.Equal(7, ui.Window.SampleView.Lines.Count);
        Assert.Contains("sample: 7 sentences in", ui.Window.Status);
        Assert.Contains(Visible(ui.Window.SampleView.Lines[0]), ui.Screen);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The start of a list line, which fits on the 120-column screen.</summary>
    private static string Visible(string line) => line.Trim()[..Math.Min(line.Trim().Length, 60)];
}
