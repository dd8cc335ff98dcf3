using Microsoft.Extensions.Logging.Abstractions;
using TextVae.Training;
using TextVae.Checkpoints;
using static TorchSharp.torch;
using TextVae.Runtime;

namespace TextVae.Tests.Training;

public class ResumeTests
{
    private static TrainingRequest Request(string runFolder) =>
        TinyModel.Request(runFolder, "training.maxSteps=40", "training.logEvery=5", "model.embeddingDropout=0.2", "objective.wordDropout=0.3");

    private static TrainingRequest Resume(string runFolder) => new() { RunFolder = runFolder, Resume = true, Device = DeviceChoice.Cpu };

    /// <summary>Cancels during step N − 1, so training stops at the top of step N, as Ctrl+C would.</summary>
    private static void TrainInterrupted(TrainingRequest request, int steps) =>
        TinyModel.Train(request, (session, cancel) => session.Trainer.Step.LossInterceptor = (step, loss) =>
        {
            if (step == steps - 1)
                cancel.Cancel();
            return loss;
        });

    [Fact]
    public void Resuming_an_interrupted_run_gives_the_same_weights_and_curve_as_an_uninterrupted_one()
    {
        using var directory = new TemporaryDirectory();
        var whole = directory.File("whole");
        var split = directory.File("split");

        TinyModel.Train(Request(whole));
        TrainInterrupted(Request(split), 20);
        var interrupted = Checkpoint.Load(Path.Combine(split, "last.tvae"));
        Assert.Equal(20, interrupted.State.Step);
        Assert.False(interrupted.State.Finished);
        TinyModel.Train(Resume(split));

        var a = Checkpoint.Load(Path.Combine(whole, "last.tvae"));
        var b = Checkpoint.Load(Path.Combine(split, "last.tvae"));
        Assert.Equal(40, b.State.Step);
        Assert.Equal(a.Weights, b.Weights);
        var curveA = new MetricsLog(Path.Combine(whole, "metrics.jsonl")).ReadAll().Select(r => (r.Kind, r.Step, r.Loss, r.Kl, r.KlWeight));
        var curveB = new MetricsLog(Path.Combine(split, "metrics.jsonl")).ReadAll().Select(r => (r.Kind, r.Step, r.Loss, r.Kl, r.KlWeight));
        Assert.Equal(curveA, curveB);
    }

    [Fact]
    public void A_finished_run_resumed_with_more_epochs_goes_on_as_if_it_had_been_given_them()
    {
        using var directory = new TemporaryDirectory();
        // 48 sentences in batches of 16: three steps an epoch, so epochs stay cheap.
        var corpus = directory.File("train.txt");
        File.WriteAllLines(corpus, File.ReadLines(RepositoryFiles.Get("corpora/default/train.txt")).Take(48));
        TrainingRequest Epochs(string run, int epochs) =>
            TinyModel.Request(run, $"data.train={corpus}", "training.maxSteps=0", $"training.epochs={epochs}", "objective.wordDropout=0.3");
        var whole = directory.File("whole");
        var extended = directory.File("extended");

        TinyModel.Train(Epochs(whole, 4));
        TinyModel.Train(Epochs(extended, 2));
        var finished = Checkpoint.Load(Path.Combine(extended, "last.tvae"));
        Assert.True(finished.State.Finished);
        Assert.Equal(2, finished.State.Epoch);
        TinyModel.Train(Resume(extended) with { Overrides = ["training.epochs=4"] });

        var a = Checkpoint.Load(Path.Combine(whole, "last.tvae"));
        var b = Checkpoint.Load(Path.Combine(extended, "last.tvae"));
        Assert.True(b.State.Finished);
        Assert.Equal(4, b.State.Epoch);
        Assert.Equal(a.State.Step, b.State.Step);
        Assert.Equal(4, b.Config.Training.Epochs);
        Assert.Equal(a.Weights, b.Weights);
    }

    [Fact]
    public void A_run_stopped_by_max_steps_and_resumed_with_a_higher_limit_matches_a_run_given_it_since_validation_draws_apart()
    {
        using var directory = new TemporaryDirectory();
        var whole = directory.File("whole");
        var extended = directory.File("extended");

        TinyModel.Train(Request(whole));
        TinyModel.Train(Request(extended) with { Overrides = [.. Request(extended).Overrides, "training.maxSteps=25"] });
        TinyModel.Train(Resume(extended) with { Overrides = ["training.maxSteps=40"] });

        var b = Checkpoint.Load(Path.Combine(extended, "last.tvae"));
        Assert.Equal(40, b.State.Step);
        Assert.Equal(Checkpoint.Load(Path.Combine(whole, "last.tvae")).Weights, b.Weights);
    }

    [Fact]
    public void A_finished_run_resumed_without_a_higher_limit_is_left_as_it_was()
    {
        using var directory = new TemporaryDirectory();
        var run = directory.File("run");
        TinyModel.Train(Request(run));
        var before = File.ReadAllBytes(Path.Combine(run, "last.tvae"));

        TinyModel.Train(Resume(run) with { Overrides = ["training.logEvery=7"] });

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run, "last.tvae")));
    }

    [Theory]
    [InlineData("model.hiddenSize=64", "'model.hiddenSize' cannot change when a run is resumed")]
    [InlineData("training.learningRate=0.1", "'training.learningRate' cannot change when a run is resumed")]
    [InlineData("training.epochs=0", "training.epochs must be")]
    [InlineData("training.epochs=many", "training.epochs: 'many' is not a valid whole number")]
    public void A_resumed_run_refuses_settings_the_checkpoint_fixes_and_invalid_values(string assignment, string message)
    {
        using var directory = new TemporaryDirectory();
        var run = directory.File("run");
        TrainInterrupted(Request(run), 3);
        var before = File.ReadAllBytes(Path.Combine(run, "last.tvae"));

        var error = Assert.ThrowsAny<TextVaeException>(() => TrainingSession.Prepare(Resume(run) with { Overrides = [assignment] }, NullLoggerFactory.Instance));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run, "last.tvae")));
    }

    [Fact]
    public void A_run_folder_with_a_checkpoint_is_not_overwritten_without_resume()
    {
        using var directory = new TemporaryDirectory();
        var run = directory.File("run");
        TrainInterrupted(Request(run), 3);
        var before = File.ReadAllBytes(Path.Combine(run, "last.tvae"));

        var error = Assert.Throws<InvalidParameterException>(() => TrainingSession.Prepare(Request(run), NullLoggerFactory.Instance));

        Assert.Equal("runFolder", error.Parameter);
        Assert.Contains("resume that run", error.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run, "last.tvae")));
    }
}

public class CheckpointRoundTripTests
{
    [Fact]
    public void Save_then_load_is_bit_exact_for_weights_tokenizer_configuration_and_state()
    {
        using var directory = new TemporaryDirectory();
        using var scope = NewDisposeScope();
        var run = TinyModel.Train(TinyModel.Request(directory.File("run"), "training.maxSteps=5"));
        var original = Checkpoint.Load(run.Last);

        original.Save(directory.File("copy.tvae"));
        var copy = Checkpoint.Load(directory.File("copy.tvae"));

        Assert.Equal(original.Weights, copy.Weights);
        Assert.Equal(original.OptimizerState, copy.OptimizerState);
        Assert.Equal(original.State with { TorchRandomState = [], WordDropoutRandomState = [] }, copy.State with { TorchRandomState = [], WordDropoutRandomState = [] });
        Assert.Equal(original.State.TorchRandomState, copy.State.TorchRandomState);
        Assert.Equal(original.Config, copy.Config);
        Assert.Equal(original.Tokenizer.ExportFiles().OrderBy(f => f.Key).Select(f => (f.Key, Convert.ToHexString(f.Value))),
            copy.Tokenizer.ExportFiles().OrderBy(f => f.Key).Select(f => (f.Key, Convert.ToHexString(f.Value))));

        using var a = original.CreateModel(CPU);
        using var b = copy.CreateModel(CPU);
        var bParameters = b.state_dict();
        foreach (var (name, tensor) in a.state_dict())
            Assert.True(tensor.eq(bParameters[name]).all().item<bool>(), $"{name} differs after the round trip");
    }

    [Fact]
    public void Weights_that_do_not_fit_the_configuration_are_a_clear_error()
    {
        using var directory = new TemporaryDirectory();
        var run = TinyModel.Train(TinyModel.Request(directory.File("run"), "training.maxSteps=2"));
        var checkpoint = Checkpoint.Load(run.Last);
        var mismatched = new Checkpoint
        {
            Config = checkpoint.Config with { Model = checkpoint.Config.Model with { HiddenSize = 48 } },
            Tokenizer = checkpoint.Tokenizer,
            Weights = checkpoint.Weights,
            State = checkpoint.State,
            Info = checkpoint.Info,
        };
        mismatched.Save(directory.File("bad.tvae"));

        var error = Assert.ThrowsAny<TextVaeException>(() => Checkpoint.Load(directory.File("bad.tvae")).CreateModel(CPU));

        Assert.Contains("do not fit", error.Message);
    }
}
