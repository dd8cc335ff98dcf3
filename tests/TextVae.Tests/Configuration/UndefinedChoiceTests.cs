using Microsoft.Extensions.Logging.Abstractions;
using TextVae.Checkpoints;
using TextVae.Configuration;
using TextVae.Decoding;
using TextVae.Generation;
using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Training;
using static TorchSharp.torch;

namespace TextVae.Tests.Configuration;

/// <summary>
/// A library user builds options in code and may skip Validate: a value outside a choice's members (a number cast
/// to the enum) is an error naming the parameter wherever the choice is acted on, never a silent default.
/// </summary>
public class UndefinedChoiceTests
{
    private static readonly ModelOptions Tiny = new() { VocabularySize = 12, EmbeddingSize = 4, HiddenSize = 4, LatentSize = 2, Encoder = CellKind.Gru, Decoder = CellKind.Gru };

    [Fact]
    public void Decoding_with_an_unknown_strategy()
    {
        using var scope = NewDisposeScope();
        using var model = new SentenceVae(Tiny);

        var error = Assert.Throws<InvalidParameterException>(() =>
            SentenceDecoding.Decode(model, zeros(1, 2), new DecodingOptions { Strategy = (DecodingStrategy)9, MaxLength = 3 }));

        Assert.Equal("strategy", error.Parameter);
        Assert.Contains("greedy, temperature, top-k, top-p, beam", error.Message);
    }

    [Fact]
    public void Training_with_an_unknown_optimizer()
    {
        var error = Assert.Throws<InvalidParameterException>(() =>
            new TrainingModel(Tiny, new ObjectiveOptions(), new TrainingOptions { Optimizer = (OptimizerKind)9 }, CPU, null));

        Assert.Equal("training.optimizer", error.Parameter);
    }

    [Fact]
    public void A_trainer_with_an_unknown_learning_rate_schedule()
    {
        using var temp = new TemporaryDirectory();
        var config = new TrainConfig { Model = Tiny, Training = new TrainingOptions { LearningRateSchedule = (LearningRateScheduleKind)9 } };
        var tokenizer = new WordTokenizer(Enumerable.Range(0, 8).Select(i => $"w{i}"), lowercase: false);

        var error = Assert.Throws<InvalidParameterException>(() =>
            new Trainer(config, tokenizer, [[5, 6]], [[5, 6]], new RunFolder(temp.File("run")).Create(), CPU, NullLogger.Instance));

        Assert.Equal("training.learningRateSchedule", error.Parameter);
    }

    [Fact]
    public void Interpolating_along_an_unknown_path()
    {
        using var scope = NewDisposeScope();

        var error = Assert.Throws<InvalidParameterException>(() => Interpolator.Interpolate(zeros(2), ones(2), tensor(new[] { 0.0, 1.0 }), (InterpolationPath)9));

        Assert.Equal("mode", error.Parameter);
    }

    [Fact]
    public void Building_a_vocabulary_of_an_unknown_kind()
    {
        var error = Assert.Throws<InvalidParameterException>(() => new VocabularyOptions((TokenizerKind)9, 100).CreateTrainer());

        Assert.Equal("kind", error.Parameter);
        Assert.Contains("word, bpe", error.Message);
    }
}
