using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>
/// Sentences decoded around one sentence's posterior, ranked; a result can become the next input, which walks
/// through the latent space one neighbourhood at a time.
/// </summary>
public sealed class ParaphraseView : GenerationView
{
    private readonly TextField _radius;
    private readonly TextField _count;
    private readonly TextField _seed;
    private readonly ChoiceField<ParaphraseRanking> _ranking;
    private IReadOnlyList<ParaphraseCandidate> _paraphrases = [];

    public ParaphraseView(LoadedModel model, GenerationWorker worker)
        : base("Paraphrase", model, worker)
    {
        Sentence = Form.SentenceField(this, "Sentence:", 0, 0);
        // Enter in the sentence field runs the request, as Ctrl+G does.
        Sentence.Accepting += (_, args) =>
        {
            args.Handled = true;
            Paraphrase();
        };
        _radius = Form.Field(this, "radius", "1.0", 0, 1, 6);
        _count = Form.Field(this, "count", "20", Pos.Right(_radius) + 2, 1, 5);
        _seed = Form.Field(this, "seed", "0", Pos.Right(_count) + 2, 1, 8);
        // A row of its own: beside the seed it would run past a new terminal's 80 columns.
        _ranking = new ChoiceField<ParaphraseRanking>(this, "Rank by:", "ranking", ParaphraseRanking.Likelihood, 0, 2);
        Decoding = new DecodingPanel { X = 0, Y = 4 };
        Add(Decoding);
        PlaceResults(Pos.Bottom(Decoding) + 1, "rank   log p  distance    sentence   (* verbatim training sentence)");
    }

    public TextField Sentence { get; }

    public DecodingPanel Decoding { get; }

    public override View FirstField => Sentence;

    /// <summary>How results are ordered: by log p(candidate | z), or by latent distance to the input.</summary>
    public ParaphraseRanking Ranking
    {
        get => _ranking.Value;
        set => _ranking.Value = value;
    }

    public override IReadOnlyList<ViewAction> Actions =>
    [
        new(Key.G.WithCtrl, "Run", Paraphrase),
        new(Key.U.WithCtrl, "Use as input", UseSelected),
    ];

    public void Paraphrase() => Request<ParaphraseResult>(
        "paraphrase",
        generator =>
        {
            var sentence = Sentence.Text;
            var radius = Form.Number(_radius, "radius");
            var count = Form.Integer(_count, "count");
            var seed = Form.Integer(_seed, "seed");
            var options = Decoding.Read();
            var ranking = Ranking;
            return () => generator.Paraphrase(sentence, count, radius, options, seed, ranking);
        },
        result =>
        {
            _paraphrases = result.Paraphrases;
            ShowLines(result.Paraphrases.Select((paraphrase, i) => Line(i + 1, paraphrase)));
            return $"{result.Paraphrases.Count} distinct of {result.Candidates} candidates";
        });

    /// <summary>Puts the selected paraphrase in the sentence field and paraphrases it in turn.</summary>
    public void UseSelected()
    {
        if (Selected(_paraphrases.Count) is not { } index)
            return;
        Sentence.Text = _paraphrases[index].Text;
        Paraphrase();
    }

    public static string Line(int rank, ParaphraseCandidate paraphrase) => string.Create(
        CultureInfo.InvariantCulture,
        $"{rank,4} {paraphrase.Score,7:0.00} {paraphrase.Distance,9:0.000}  {Mark(paraphrase.InTrainingCorpus)} {paraphrase.Text}");
}
