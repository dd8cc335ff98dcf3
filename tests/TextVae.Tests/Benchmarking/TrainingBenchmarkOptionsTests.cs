using TextVae.Benchmarking;
using TextVae.Configuration;

namespace TextVae.Tests.Benchmarking;

public class TrainingBenchmarkOptionsTests
{
    [Fact]
    public void The_benchmark_optimises_as_training_does_by_default()
    {
        var training = new TrainingBenchmarkOptions { Corpus = "corpus.txt" }.ToTrainingOptions();
        var defaults = new TrainingOptions();

        Assert.Equal((defaults.Optimizer, defaults.LearningRate, defaults.Momentum, defaults.GradientClip),
            (training.Optimizer, training.LearningRate, training.Momentum, training.GradientClip));
    }

    [Fact]
    public void Its_optimiser_settings_reach_the_training_options()
    {
        var options = new TrainingBenchmarkOptions { Corpus = "corpus.txt", Optimizer = OptimizerKind.Sgd, LearningRate = 0.5, Momentum = 0.9, GradientClip = 1 };

        var training = options.Validate().ToTrainingOptions();

        Assert.Equal((OptimizerKind.Sgd, 0.5, 0.9, 1.0), (training.Optimizer, training.LearningRate, training.Momentum, training.GradientClip));
    }

    [Fact]
    public void An_unknown_optimiser_is_named()
    {
        var options = new TrainingBenchmarkOptions { Corpus = "corpus.txt", Optimizer = (OptimizerKind)9 };

        Assert.Equal("optimizer", Assert.Throws<InvalidParameterException>(() => options.Validate()).Parameter);
    }
}
