using Microsoft.Extensions.Logging.Abstractions;
using TextVae.Training;
using static TorchSharp.torch;

namespace TextVae.Tests.Training;

public class ResumeTests
{
    private static TrainingRequest Request(string runFolder, bool resume = false) => new()
    {
        ConfigPath = resume ? null : RepositoryFiles.Get("configs/tiny.json"),
        Overrides = resume ? [] :
        [
            $"data.train={RepositoryFiles.Get("corpora/default/train.txt")}",
            $"data.valid={RepositoryFiles.Get("corpora/default/valid.txt")}",
            "training.maxSteps=40",
            "training.logEvery=5",
            "model.embeddingDropout=0.2",
            "objective.wordDropout=0.3",
        ],
        RunFolder = runFolder,
        Resume = resume,
        Device = "cpu",
    };

    private static void Train(TrainingRequest request, int? interruptAfter = null)
    {
        using var session = TrainingSession.Prepare(request, NullLoggerFactory.Instance);
        using var cancel = new CancellationTokenSource();
        if (interruptAfter is { } steps)
            session.Trainer.Step.LossInterceptor = (step, loss) =>
            {
                // Cancelling during step N−1 stops training at the top of step N, as Ctrl+C would.
                if (step == steps - 1)
                    cancel.Cancel();
                return loss;
            };
        session.Run(cancel.Token);
        Assert.Null(session.Error);
    }

    [Fact]
    public void Resuming_an_interrupted_run_gives_the_same_weights_and_curve_as_an_uninterrupted_one()
    {
        using var directory = new TemporaryDirectory();
        var whole = directory.File("whole");
        var split = directory.File("split");

        Train(Request(whole));
        Train(Request(split), interruptAfter: 20);
        var interrupted = Checkpoint.Load(Path.Combine(split, "last.tvae"));
        Assert.Equal(20, interrupted.State.Step);
        Assert.False(interrupted.State.Finished);
        Train(Request(split, resume: true));

        var a = Checkpoint.Load(Path.Combine(whole, "last.tvae"));
        var b = Checkpoint.Load(Path.Combine(split, "last.tvae"));
        Assert.Equal(40, b.State.Step);
        Assert.Equal(a.Weights, b.Weights);
        var curveA = new MetricsLog(Path.Combine(whole, "metrics.jsonl")).ReadAll().Select(r => (r.Kind, r.Step, r.Loss, r.Kl, r.KlWeight));
        var curveB = new MetricsLog(Path.Combine(split, "metrics.jsonl")).ReadAll().Select(r => (r.Kind, r.Step, r.Loss, r.Kl, r.KlWeight));
        Assert.Equal(curveA, curveB);
    }

    [Fact]
    public void A_run_folder_with_a_checkpoint_is_not_overwritten_without_resume()
    {
        using var directory = new TemporaryDirectory();
        var run = directory.File("run");
        Train(Request(run), interruptAfter: 3);
        var before = File.ReadAllBytes(Path.Combine(run, "last.tvae"));

        var error = Assert.Throws<TextVaeException>(() => TrainingSession.Prepare(Request(run), NullLoggerFactory.Instance));

        Assert.Contains("--resume", error.Message);
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
        var request = new TrainingRequest
        {
            ConfigPath = RepositoryFiles.Get("configs/tiny.json"),
            Overrides = [$"data.train={RepositoryFiles.Get("corpora/default/train.txt")}", $"data.valid={RepositoryFiles.Get("corpora/default/valid.txt")}", "training.maxSteps=5"],
            RunFolder = directory.File("run"),
            Device = "cpu",
        };
        using (var session = TrainingSession.Prepare(request, NullLoggerFactory.Instance))
            session.Run(CancellationToken.None);
        var original = Checkpoint.Load(directory.File("run/last.tvae"));

        original.Save(directory.File("copy.tvae"));
        var copy = Checkpoint.Load(directory.File("copy.tvae"));

        Assert.Equal(original.Weights, copy.Weights);
        Assert.Equal(original.OptimizerState, copy.OptimizerState);
        Assert.Equal(original.State with { TorchRandomState = [], WordDropoutRandomState = [] }, copy.State with { TorchRandomState = [], WordDropoutRandomState = [] });
        Assert.Equal(original.State.TorchRandomState, copy.State.TorchRandomState);
        Assert.Equal(original.Config, copy.Config with { });
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
        var request = new TrainingRequest
        {
            ConfigPath = RepositoryFiles.Get("configs/tiny.json"),
            Overrides = [$"data.train={RepositoryFiles.Get("corpora/default/train.txt")}", $"data.valid={RepositoryFiles.Get("corpora/default/valid.txt")}", "training.maxSteps=2"],
            RunFolder = directory.File("run"),
            Device = "cpu",
        };
        using (var session = TrainingSession.Prepare(request, NullLoggerFactory.Instance))
            session.Run(CancellationToken.None);
        var checkpoint = Checkpoint.Load(directory.File("run/last.tvae"));
        var mismatched = new Checkpoint
        {
            Config = checkpoint.Config with { Model = checkpoint.Config.Model with { HiddenSize = 48 } },
            Tokenizer = checkpoint.Tokenizer,
            Weights = checkpoint.Weights,
            State = checkpoint.State,
            Info = checkpoint.Info,
        };
        mismatched.Save(directory.File("bad.tvae"));

        var error = Assert.Throws<TextVaeException>(() => Checkpoint.Load(directory.File("bad.tvae")).CreateModel(CPU));

        Assert.Contains("do not fit", error.Message);
    }
}
