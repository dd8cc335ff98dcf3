using TextVae.Checkpoints;
using TextVae.Evaluation;
using TextVae.Training;
using static TorchSharp.torch;

namespace TextVae.Tests.Training;

/// <summary>The training-procedure remedies end to end on a few hundred real sentences: the language-model baseline, autoencoder pretraining with a decoder reset, and the aggressive phase.</summary>
public class RemedyTrainingTests
{
    /// <summary>160 sentences of the default corpus: 10 batches of 16 an epoch.</summary>
    private static string SmallCorpus(TemporaryDirectory directory) =>
        directory.Write("small.txt", File.ReadLines(RepositoryFiles.Get("corpora/default/train.txt")).Take(160).ToArray());

    private static RunFolder Train(TemporaryDirectory directory, string name, params string[] overrides) =>
        TinyModel.Train(TinyModel.Request(directory.File(name), [$"data.train={SmallCorpus(directory)}", $"data.valid={SmallCorpus(directory)}", "training.maxSteps=0", "training.logEvery=1", .. overrides]));

    [Fact]
    public void The_language_model_baseline_trains_and_evaluates_with_the_same_commands_and_kl_zero()
    {
        using var directory = new TemporaryDirectory();
        var run = Train(directory, "lm", "model.latentSize=0");

        var checkpoint = Checkpoint.Load(run.Best);
        using var evaluator = new ModelEvaluator(checkpoint, CPU);
        var report = evaluator.Evaluate(SmallCorpus(directory), new EvaluationOptions { Samples = 5, PriorSamples = 0 });

        Assert.Equal(0, checkpoint.Config.Model.LatentSize);
        Assert.Equal(0, report.Kl);
        Assert.Equal(0, report.ActiveUnits);
        Assert.Equal(0, report.MutualInformation, 9);
        Assert.Equal(report.Reconstruction, report.IwNll, 3); // without z the bound is the exact log-likelihood
        Assert.True(report.IwNll > 0 && double.IsFinite(report.Perplexity));
    }

    [Fact]
    public void Autoencoder_pretraining_trains_with_kl_weight_zero_then_resets_the_decoder_and_anneals()
    {
        using var directory = new TemporaryDirectory();
        string[] settings = ["training.epochs=3", "objective.autoencoderSteps=20", "objective.klSchedule.kind=constant", "objective.klSchedule.beta=0.5", "objective.freeBitsPerSentence=2"];
        var run = Train(directory, "ae", [.. settings, "objective.resetDecoder=true"]);
        var kept = Train(directory, "kept", settings);

        var records = new MetricsLog(run.Metrics).ReadAll();
        var train = records.Where(r => r.Kind == MetricsRecordKind.Train).ToArray();
        Assert.All(train.Where(r => r.Step <= 20), r => Assert.Equal(0, r.KlWeight));
        Assert.All(train.Where(r => r.Step > 20), r => Assert.Equal(0.5, r.KlWeight));
        var last = Checkpoint.Load(run.Last);
        var best = Checkpoint.Load(run.Best);
        Assert.True(last.State.DecoderReset);
        Assert.Equal(30, best.State.Step); // pretraining epochs never become best, however their ELBO compares
        Assert.False(Checkpoint.Load(kept.Last).State.DecoderReset);
        // Both runs see the same batches; on the first batch after pretraining the reset decoder has forgotten what
        // the kept one learnt (after 20 tiny steps that is little, so only the direction is asserted).
        var keptTrain = new MetricsLog(kept.Metrics).ReadAll().Where(r => r.Kind == MetricsRecordKind.Train).ToArray();
        Assert.Equal(keptTrain.Single(r => r.Step == 20).Reconstruction, train.Single(r => r.Step == 20).Reconstruction, 6);
        var reset = train.Single(r => r.Step == 21).Reconstruction;
        var continued = keptTrain.Single(r => r.Step == 21).Reconstruction;
        Assert.True(reset > continued, $"reconstruction after the reset {reset:F1}, without it {continued:F1}");
    }

    [Fact]
    public void Aggressive_training_tracks_validation_mutual_information_and_stops_when_it_does_not_improve()
    {
        using var directory = new TemporaryDirectory();
        var run = Train(directory, "aggressive", "training.epochs=3", "objective.aggressive=true",
            "objective.aggressiveMaxInnerSteps=6", "objective.aggressiveCheckEvery=2");

        var state = Checkpoint.Load(run.Last).State;
        var mi = new MetricsLog(run.Metrics).ReadAll().Where(r => r.Kind == MetricsRecordKind.Valid).Select(r => r.MutualInformation!.Value).ToArray();
        Assert.Equal(3, mi.Length);
        // The phase goes on while each epoch's MI beats the one before, and ends at the first that does not.
        var firstWorse = Enumerable.Range(1, 2).FirstOrDefault(i => mi[i] <= mi[i - 1]);
        Assert.Equal(firstWorse > 0, state.AggressiveEnded);
        Assert.Equal(firstWorse > 0 ? mi[firstWorse - 1] : mi[2], state.AggressiveMutualInformation, 9);
    }
}
