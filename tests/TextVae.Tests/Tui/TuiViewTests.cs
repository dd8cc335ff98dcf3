using Terminal.Gui.Input;
using TextVae.Generation;
using TextVae.Tui;
using TextVae.Decoding;
using TextVae.Runtime;

namespace TextVae.Tests.Tui;

/// <summary>The views driven through the real window and worker with a trained tiny model, one behaviour per test.</summary>
[Collection(TinyModelCollection.Name)]
public sealed class TuiViewTests(TinyModel tiny) : IDisposable
{
    private const string First = "His petition charged mental cruelty .";
    private const string Second = "It urged that the city take steps to remedy this problem .";

    private readonly TemporaryDirectory _directory = new();

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
        Assert.Contains("sample: 7 sampled in", ui.Window.Status);
        Assert.Contains(Visible(ui.Window.SampleView.Lines[0]), ui.Screen);
    }

    [Fact]
    public void Interpolate_starts_with_two_validation_sentences()
    {
        using var ui = Open();
        var view = ui.Window.InterpolateView;
        ui.Press(Key.F3);

        var valid = File.ReadLines(tiny.ValidCorpus).ToHashSet();
        Assert.Contains(view.First.Text, valid);
        Assert.Contains(view.Second.Text, valid);
        Assert.NotEqual(view.First.Text, view.Second.Text);
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();
        Assert.StartsWith("interpolate: path of 8 steps", ui.Window.Status);
    }

    [Fact]
    public void Interpolate_lists_the_path_with_positions_and_swaps_the_ends()
    {
        using var ui = Open();
        var view = ui.Window.InterpolateView;
        ui.Press(Key.F3);
        Assert.Same(view, ui.Window.Current);
        Assert.Contains("[F3 Interpolate]", ui.Screen);
        (view.First.Text, view.Second.Text) = (First, Second);
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();

        Assert.NotEmpty(view.Lines);
        Assert.StartsWith("0.00", view.Lines[0]);
        Assert.Contains("1.00", view.Lines[^1]);
        var screen = ui.Screen;
        Assert.All(view.Lines, line => Assert.Contains(Visible(line), screen));

        ui.Press(Key.W.WithCtrl);
        Assert.Equal(Second, view.First.Text);
        Assert.Equal(First, view.Second.Text);

        view.Results.SetFocus();
        ui.Press(Key.End);
        ui.Press(Key.B.WithCtrl);
        Assert.EndsWith(" " + view.Second.Text, view.Lines[^1]);
    }

    [Fact]
    public void Paraphrase_ranks_results_and_walks_on_from_the_selected_one()
    {
        using var ui = Open();
        var view = ui.Window.ParaphraseView;
        ui.Press(Key.F4);
        ui.Type(First);
        ui.Press(Key.Enter);
        ui.WaitForWorker();

        Assert.NotEmpty(view.Lines);
        Assert.Equal(Enumerable.Range(1, view.Lines.Count), view.Lines.Select(line => int.Parse(line[..4])));
        var scores = view.Lines.Select(line => double.Parse(line[5..12], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        var screen = ui.Screen;
        Assert.Contains(Visible(view.Lines[0]), screen);
        Assert.Contains("Use as input", screen); // the help line shows the view's own keys

        var before = view.Lines.ToArray();
        view.Results.SetFocus();
        ui.Press(Key.Home);
        ui.Press(Key.U.WithCtrl);
        Assert.NotEqual(First, view.Sentence.Text);
        Assert.EndsWith(" " + view.Sentence.Text, before[0]);
        Assert.StartsWith("working… paraphrase", ui.Window.Status);
        ui.WaitForWorker();
        Assert.StartsWith("paraphrase: ", ui.Window.Status);
    }

    [Fact]
    public void Paraphrases_can_be_ranked_by_latent_distance()
    {
        using var ui = Open();
        var view = ui.Window.ParaphraseView;
        ui.Press(Key.F4);
        view.Ranking = ParaphraseRanking.Distance;
        view.Sentence.Text = First;
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();

        Assert.True(view.Lines.Count > 1);
        var distances = view.Lines.Select(line => double.Parse(line[13..22], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(distances.Order(), distances);
        Assert.Contains("Rank by:", ui.Screen);
        Assert.Contains("distance", ui.Screen);
    }

    [Fact]
    public void Strategies_are_offered_as_spelt_on_the_command_line()
    {
        using var ui = Open();
        ui.Press(Key.F3);
        var decoding = ui.Window.InterpolateView.Decoding;
        decoding.Strategy = DecodingStrategy.TopK;

        var screen = ui.Screen;
        Assert.All(["greedy", "temperature", "top-k", "top-p", "beam", "linear", "slerp"], choice => Assert.Contains(choice, screen));
        Assert.Equal(DecodingStrategy.TopK, decoding.Read().Strategy);
        Assert.Throws<InvalidParameterException>(() => decoding.Strategy = (DecodingStrategy)99);
    }

    [Fact]
    public void Empty_input_is_an_error_in_the_status_line()
    {
        using var ui = Open();
        ui.Press(Key.F4);
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();

        Assert.Equal("error: paraphrase: input: the sentence is empty", ui.Window.Status);
        Assert.Contains("error: paraphrase: input: the sentence is empty", ui.Screen);
        Assert.Empty(ui.Window.ParaphraseView.Lines);
    }

    [Fact]
    public void A_field_that_is_not_a_number_is_named_in_the_status_line()
    {
        using var ui = Open();
        ui.Type("x"); // replaces "10", which is selected when the field gets focus
        ui.Press(Key.G.WithCtrl);

        Assert.False(ui.Worker.Busy);
        Assert.Equal("error: sample: Count: 'x' is not a whole number", ui.Window.Status);
    }

    [Fact]
    public void A_value_the_library_rejects_is_named_by_its_field_label()
    {
        using var ui = Open();
        ui.Type("0"); // the Count field, focused first
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();

        Assert.Equal("error: sample: Count must be greater than 0 (got 0)", ui.Window.Status);
        Assert.DoesNotContain("--count", ui.Screen);
    }

    [Fact]
    public void Model_view_shows_vocabulary_parameters_device_and_the_last_request()
    {
        using var ui = Open();
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();
        ui.Press(Key.F5);

        var screen = ui.Screen;
        Assert.Contains("word, vocabulary", screen);
        Assert.Contains("Parameters", screen);
        Assert.Contains("cpu (", screen);
        Assert.Contains("Last request    sample: ", screen);
        Assert.Contains(ui.Window.ModelView.Lines, line => line.StartsWith("Validation", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_asks_for_a_file_name_named_after_today_by_default()
    {
        using var ui = Open();
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();
        ui.Press(Key.S.WithCtrl);

        var expected = $"textvae-sample-{DateTime.Now:yyyy-MM-dd}.txt";
        Assert.True(ui.Window.SavePrompt.Visible);
        Assert.Equal(expected, ui.Window.SavePrompt.FileName.Text);
        Assert.Contains("Save as", ui.Screen);
        ui.Press(Key.Enter);

        var file = Path.Combine(_directory.Path, expected);
        Assert.Equal(ui.Window.SampleView.Lines, File.ReadAllLines(file));
        Assert.Equal($"saved 10 lines to {file}", ui.Window.Status);
        Assert.False(ui.Window.SavePrompt.Visible);

        // Saving again offers a new name rather than overwriting; a typed existing name is refused and the file kept.
        ui.Press(Key.S.WithCtrl);
        Assert.Equal($"textvae-sample-{DateTime.Now:yyyy-MM-dd}-2.txt", ui.Window.SavePrompt.FileName.Text);
        ui.Window.SavePrompt.FileName.Text = expected;
        File.WriteAllText(file, "kept\n");
        ui.Press(Key.Enter);
        Assert.Equal($"error: {file} exists and was kept; save again under another name", ui.Window.Status);
        Assert.Equal("kept\n", File.ReadAllText(file));
    }

    [Fact]
    public void Esc_cancels_saving_without_writing_or_quitting()
    {
        using var ui = Open();
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();
        ui.Press(Key.S.WithCtrl);
        ui.Press(Key.Esc);

        Assert.False(ui.Window.SavePrompt.Visible);
        Assert.Empty(Directory.GetFiles(_directory.Path, "textvae-*.txt"));
        Assert.Contains("Count:", ui.Screen);
    }

    [Fact]
    public void Without_a_checkpoint_the_window_says_what_to_run()
    {
        using var runs = new TemporaryDirectory();
        using var ui = new TuiHarness(LoadedModel.Open(null, DeviceChoice.Cpu, runs.Path), _directory.Path);

        Assert.Same(ui.Window.ModelView, ui.Window.Current);
        Assert.Contains("No model yet: run `textvae quickstart`", ui.Screen);
        ui.Press(Key.F2);
        ui.Press(Key.G.WithCtrl);
        Assert.False(ui.Worker.Busy);
        Assert.Equal($"error: {LoadedModel.NoModelMessage}", ui.Window.Status);
    }

    [Fact]
    public void An_unknown_checkpoint_is_a_message_not_a_crash()
    {
        var missing = _directory.File("missing.tvae");
        using var ui = new TuiHarness(LoadedModel.Open(missing, DeviceChoice.Cpu), _directory.Path);

        Assert.Contains($"checkpoint {missing} does not exist", ui.Screen);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void In_a_new_terminals_80_by_24_every_option_row_shows_its_labels_and_values()
    {
        using var ui = Open((80, 24));
        foreach (var (key, options) in new[]
        {
            (Key.F2, new[] { "Count: 10", "Seed: 0" }),
            (Key.F3, ["Steps: 8", "○ slerp"]),
            (Key.F4, ["Radius: 1.0", "Count: 20", "Seed: 0", "○ distance"]),
            (Key.F6, []),
        })
        {
            ui.Press(key);
            var screen = ui.Screen;
            foreach (var option in (string[])[.. options, "○ beam", "Max length: 30", "Temperature: 1.0", "Top-k: 40", "Top-p: 0.9", "Beam width: 5"])
                Assert.True(screen.Contains(option), $"{key}: '{option}' is not on the screen:\n{screen}");
        }
    }

    [Fact]
    public void A_list_longer_than_the_window_shows_a_scroll_bar()
    {
        using var ui = Open((80, 24));
        ui.Press(Key.G.WithCtrl); // 10 sentences fit
        ui.WaitForWorker();
        Assert.DoesNotContain("▼", ui.Screen);
        ui.Press(Key.End);
        ui.Press(Key.Backspace);
        ui.Press(Key.Backspace);
        ui.Type("30");
        ui.Press(Key.G.WithCtrl);
        ui.WaitForWorker();

        Assert.Equal(30, ui.Window.SampleView.Lines.Count);
        Assert.Contains("▼", ui.Screen);
    }

    private TuiHarness Open((int Columns, int Rows)? size = null) => new(LoadedModel.Open(tiny.Checkpoint, DeviceChoice.Cpu), _directory.Path, size: size);

    /// <summary>The start of a list line, which fits on the 120-column screen.</summary>
    private static string Visible(string line) => line.Trim()[..Math.Min(line.Trim().Length, 60)];
}
