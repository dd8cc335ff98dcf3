using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>Sentences decoded from codes drawn from the prior, z ~ N(0, I).</summary>
public sealed class SampleView : GenerationView
{
    private readonly TextField _count;
    private readonly TextField _seed;

    public SampleView(LoadedModel model, GenerationWorker worker)
        : base("Sample", model, worker)
    {
        Decoding = new DecodingPanel { X = 0, Y = 0 };
        Add(Decoding);
        _count = Form.Field(this, "count", "10", 0, Pos.Bottom(Decoding) + 1, 5);
        _seed = Form.Field(this, "seed", "0", Pos.Right(_count) + 2, Pos.Top(_count), 8);
        PlaceResults(Pos.Bottom(_count) + 1, "   log p  sentence   (* verbatim training sentence, … cut at max length)");
    }

    public DecodingPanel Decoding { get; }

    public override View FirstField => _count;

    public override IReadOnlyList<ViewAction> Actions => [new(Key.G.WithCtrl, "Run", Generate)];

    public void Generate() => Request<IReadOnlyList<GeneratedSentence>>(
        "sample",
        generator =>
        {
            var options = Decoding.Read();
            var count = Form.Integer(_count, "count");
            var seed = Form.Integer(_seed, "seed");
            return () => generator.Sample(count, options, seed);
        },
        sentences =>
        {
            ShowLines(sentences.Select(Line));
            return $"{sentences.Count} sampled";
        });

    /// <summary>A sentence with its mark and score, as listed (and saved).</summary>
    public static string Line(GeneratedSentence sentence) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Mark(sentence.InTrainingCorpus)} {sentence.LogProbability,7:0.00}  {sentence.Text}{(sentence.Finished ? "" : " …")}");
}
