using Microsoft.Extensions.Logging;
using TextVae.Configuration;
using TextVae.Model;
using TextVae.Tests.Cli;
using TextVae.Tokenization;
using TextVae.Training;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Tests.Reliability;

public class NumericalFaultTests
{
    private const int MaxBadSteps = 3;

    [Fact]
    public void Non_finite_losses_are_skipped_and_logged_and_enough_in_a_row_stop_training_keeping_the_last_good_checkpoint()
    {
        using var temp = new TemporaryDirectory();
        var run = new RunFolder(temp.File("run")).Create();
        var log = new ListLogger();
        float[]? beforeFirstBadStep = null;
        Trainer? trainer = null;
        // Steps 1-7 are good (a checkpoint at step 5), then every loss is NaN.
        trainer = CreateTrainer(run, log, (step, loss) =>
        {
            if (step < 7)
                return loss;
            beforeFirstBadStep ??= Weights(trainer!.Model);
            return loss * float.NaN;
        });
        using (trainer)
        {
            var error = Assert.ThrowsAny<TextVaeException>(() => trainer.Run(CancellationToken.None));

            Assert.Equal($"training diverged: {MaxBadSteps} consecutive steps up to step 10 had a non-finite loss (NaN or infinity), so training stopped; "
                + $"the last good checkpoint {run.Last} (step 5) is kept. Lower training.learningRate or training.gradientClip, or check the data", error.Message);
            Assert.Equal(["Step 8: the loss is not finite; the update was skipped (1 in a row)",
                "Step 9: the loss is not finite; the update was skipped (2 in a row)",
                "Step 10: the loss is not finite; the update was skipped (3 in a row)"], log.Warnings);
            Assert.Equal(beforeFirstBadStep, Weights(trainer.Model));
            Assert.Equal(5, Checkpoint.Load(run.Last).State.Step);
        }
    }

    [Fact]
    public void A_finite_loss_with_an_infinite_gradient_is_skipped_without_touching_the_weights_and_a_good_step_resets_the_count()
    {
        using var temp = new TemporaryDirectory();
        var run = new RunFolder(temp.File("run")).Create();
        var log = new ListLogger();
        var weights = new Dictionary<long, float[]>();
        Trainer? trainer = null;
        trainer = CreateTrainer(run, log, (step, loss) =>
        {
            weights[step] = Weights(trainer!.Model);
            if (step is not (3 or 4 or 6 or 7))
                return loss;
            // sqrt at 0: the value adds 0 to the loss, its derivative is infinite.
            var parameter = trainer.Model.parameters().First();
            return loss + (parameter - parameter.detach()).sqrt().sum();
        });
        using (trainer)
        {
            var state = trainer.Run(CancellationToken.None);

            Assert.True(state.Finished);
            Assert.Equal(12, state.Step);
            Assert.Equal(4, log.Warnings.Count);
            Assert.All(log.Warnings, warning => Assert.Contains("the gradient is not finite; the update was skipped", warning));
            Assert.Equal(weights[3], weights[4]);
            Assert.Equal(weights[3], weights[5]);
            Assert.NotEqual(weights[5], weights[6]);
            Assert.All(Weights(trainer.Model), value => Assert.True(float.IsFinite(value)));
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void An_absurd_learning_rate_on_the_command_line_stops_with_one_clear_error_and_keeps_the_last_good_checkpoint()
    {
        using var temp = new TemporaryDirectory();
        var run = new RunFolder(temp.File("run"));

        var result = CliProcess.Run(temp.Path, TimeSpan.FromSeconds(60),
            TinyRun.Args(run.Root, "training.learningRate=1e30", "training.checkpointEvery=1", $"training.maxBadSteps={MaxBadSteps}"));

        TinyRun.AssertEndsWithError(result, 1, "training diverged: 3 consecutive steps", $"the last good checkpoint {run.Last} (step 1) is kept");
        Assert.Equal(MaxBadSteps, result.Error.Split('\n').Count(line => line.Contains("loss is not finite; the update was skipped")));
        Assert.Equal(1, Checkpoint.Load(run.Last).State.Step);
    }

    private static Trainer CreateTrainer(RunFolder run, ILogger logger, Func<long, Tensor, Tensor> interceptor)
    {
        var tokenizer = new WordTokenizer(Enumerable.Range(0, 20).Select(i => $"w{i}"), lowercase: false);
        var random = new Random(3);
        int[][] Sentences(int count) => Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, random.Next(2, 8)).Select(_ => random.Next(SpecialTokens.Count, tokenizer.VocabularySize)).ToArray())
            .ToArray();
        var config = new TrainConfig
        {
            Data = new() { MaxLength = 8, BatchSize = 4 },
            Model = new ModelOptions { VocabularySize = tokenizer.VocabularySize, EmbeddingSize = 8, HiddenSize = 8, LatentSize = 4, Encoder = CellKind.Gru, Decoder = CellKind.Gru },
            Training = new TrainingOptions { MaxSteps = 12, CheckpointEvery = 5, MaxBadSteps = MaxBadSteps, ShowReconstructions = 0, Seed = 5 },
        };
        var trainer = new Trainer(config, tokenizer, Sentences(80), Sentences(8), run, CPU, logger);
        trainer.Step.LossInterceptor = interceptor;
        return trainer;
    }

    private static float[] Weights(SentenceVae model) =>
        model.parameters().SelectMany(parameter => parameter.detach().cpu().data<float>().ToArray()).ToArray();

    private sealed class ListLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Warnings.Add(formatter(state, exception));
        }
    }
}
