using TextVae.Checkpoints;
using TextVae.Data;
using TextVae.Decoding;
using TextVae.Evaluation;
using static TorchSharp.torch;

namespace TextVae.Tests.Evaluation;

/// <summary>Reconstruction BLEU that cannot leak the answer, and the figures beside it: n-gram precisions, brevity penalty, exact share, beam, MI over more sentences.</summary>
[Collection(TinyModelCollection.Name)]
public sealed class ReconstructionMeasureTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ModelEvaluator _evaluator = new(Checkpoint.Load(tiny.Checkpoint), CPU);

    private string FirstValidSentences(int count) => tiny.FirstValidSentences(_directory, count);

    private EvaluationReport Evaluate(string path, EvaluationOptions options, int blockLines) =>
        EvaluationPart.Merge([(path, _evaluator.EvaluatePart(_evaluator.Blocks(path, Shard.All, blockLines), options))]).Report();

    [Fact]
    public void Bleu_does_not_depend_on_how_sentences_are_grouped_into_batches()
    {
        // Blocks of 3 lines batch each sentence with 2 others; one block of 4096 sorts 120 sentences by length into batches.
        var data = FirstValidSentences(120);
        var options = new EvaluationOptions { Samples = 1, PriorSamples = 0 };

        var small = Evaluate(data, options, blockLines: 3);
        var large = Evaluate(data, options, blockLines: 4096);

        Assert.Equal(large.ReconstructionBleu, small.ReconstructionBleu);
        Assert.Equal(large.BleuPrecisions, small.BleuPrecisions);
        Assert.Equal(large.Exact, small.Exact);
    }

    [Fact]
    public void Bleu_is_its_brevity_penalty_times_the_geometric_mean_of_its_precisions_and_exact_counts_identical_sentences()
    {
        var data = FirstValidSentences(60);
        var report = Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 0 }, 4096);
        var sentences = File.ReadLines(data).ToArray();
        var ids = sentences.Select(sentence => _evaluator.Tokenizer.Encode(sentence).ToArray()).ToArray();
        using var batch = SentenceBatch.Of(ids);
        var checkpoint = Checkpoint.Load(tiny.Checkpoint);
        using var model = checkpoint.CreateModel(CPU);
        var decoded = MeanReconstruction.Of(model, batch, MeanReconstruction.Greedy(checkpoint.Config.Data.MaxLength + 1));
        var identical = decoded.Zip(ids).Count(pair => _evaluator.Tokenizer.Decode(pair.First.Ids) == _evaluator.Tokenizer.Decode(pair.Second));

        var geometricMean = Math.Exp(report.BleuPrecisions.All().Average(p => Math.Log(p / 100)));
        Assert.Equal(report.ReconstructionBleu, 100 * report.BleuBrevityPenalty * geometricMean, 1e-9);
        Assert.InRange(report.BleuBrevityPenalty, 0, 1);
        Assert.Equal((double)identical / sentences.Length, report.Exact, 1e-12);
    }

    [Fact]
    public void A_beam_of_width_one_reconstructs_as_greedy_decoding_does_and_wider_beams_are_reported_beside_it()
    {
        var data = FirstValidSentences(40);

        var greedy = Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 0 }, 4096);
        var one = Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 0, BeamWidth = 1 }, 4096);
        var four = Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 0, BeamWidth = 4 }, 4096);

        Assert.Null(greedy.BeamBleu);
        Assert.Equal(greedy.ReconstructionBleu, one.BeamBleu);
        Assert.Equal(greedy.Exact, one.BeamExact);
        Assert.Equal(4, four.BeamWidth);
        Assert.InRange(four.BeamBleu!.Value, 0, 100);
        Assert.Equal(greedy.ReconstructionBleu, four.ReconstructionBleu); // the greedy figure stays what it was
    }

    [Fact]
    public void Mutual_information_over_another_file_lifts_the_bound_of_a_small_data_set()
    {
        var data = FirstValidSentences(30);
        var options = new EvaluationOptions { Samples = 1, PriorSamples = 0 };

        var own = Evaluate(data, options, 4096);
        var training = Evaluate(data, options with { MutualInformationData = tiny.TrainCorpus }, 4096);

        Assert.Equal(Math.Log(30), own.MutualInformationBound, 1e-9);
        Assert.Equal(Math.Log(ModelEvaluator.MutualInformationSentences), training.MutualInformationBound, 1e-9);
        Assert.Equal(own.IwNll, training.IwNll); // only MI changes
        Assert.Throws<InvalidParameterException>(() =>
            (options with { MutualInformationData = tiny.TrainCorpus, MutualInformation = MutualInformationEstimator.Minibatch }).Validate());
    }

    public void Dispose()
    {
        _evaluator.Dispose();
        _directory.Dispose();
    }
}
