using System.CommandLine;
using TextVae.Runtime;
using TextVae.Benchmarking;
using TextVae.Configuration;
using TextVae.Model;

namespace TextVae.Cli.Commands;

/// <summary>The model and data options shared by <c>bench train</c> and <c>bench soak</c>.</summary>
public sealed class TrainingBenchmarkCommandOptions(int defaultSteps = 200, int defaultWarmup = 20)
{
    private static readonly TrainingBenchmarkOptions Defaults = new() { Corpus = "corpora/brown/train.txt" };

    private readonly Option<string> _corpus = new("--corpus") { Description = "Corpus whose first sentences are trained on.", DefaultValueFactory = _ => Defaults.Corpus };
    private readonly ChoiceOption<CellKind> _cell = new("--cell", "Recurrent cell of encoder and decoder.", Defaults.Cell);
    private readonly Option<int> _embedding = new("--embedding") { DefaultValueFactory = _ => Defaults.Embedding };
    private readonly Option<int> _hidden = new("--hidden") { DefaultValueFactory = _ => Defaults.Hidden };
    private readonly Option<int> _latent = new("--latent") { DefaultValueFactory = _ => Defaults.Latent };
    private readonly Option<int> _batch = new("--batch") { DefaultValueFactory = _ => Defaults.Batch };
    private readonly Option<int> _maxLength = new("--max-len") { Description = "Sentences are cut to this many tokens.", DefaultValueFactory = _ => Defaults.MaxLength };
    private readonly Option<int> _vocabulary = new("--vocab") { Description = "Word vocabulary size, special tokens included.", DefaultValueFactory = _ => Defaults.Vocabulary };
    private readonly Option<double> _wordDropout = new("--word-dropout") { DefaultValueFactory = _ => Defaults.WordDropout };
    private readonly ChoiceOption<OptimizerKind> _optimizer = new("--optimizer", "As training.optimizer.", Defaults.Optimizer);
    private readonly Option<double> _learningRate = new("--learning-rate") { DefaultValueFactory = _ => Defaults.LearningRate };
    private readonly Option<double> _momentum = new("--momentum") { Description = "sgd only.", DefaultValueFactory = _ => Defaults.Momentum };
    private readonly Option<double> _gradientClip = new("--gradient-clip") { Description = "Largest gradient norm.", DefaultValueFactory = _ => Defaults.GradientClip };
    private readonly ChoiceOption<ProjectionPrecision> _projectionPrecision = new("--projection-precision", "As training.projectionPrecision.", Defaults.ProjectionPrecision);
    private readonly Option<int> _steps = new("--steps") { Description = "Measured steps.", DefaultValueFactory = _ => defaultSteps };
    private readonly Option<int> _warmup = new("--warmup") { Description = "Unmeasured steps first.", DefaultValueFactory = _ => defaultWarmup };
    private readonly Option<int> _threads = CommonOptions.Threads();
    private readonly Option<int> _sentences = new("--sentences") { Description = "How many sentences of the corpus are used.", DefaultValueFactory = _ => Defaults.Sentences };
    private readonly Option<int> _sampleEvery = new("--sample-every") { Description = "Soak: steps between memory samples.", DefaultValueFactory = _ => Defaults.SampleEvery };
    private readonly Option<bool> _profile = new("--profile") { Description = "Also report where each step's milliseconds go (batch, forward, backward, clip, update)." };
    private readonly ChoiceOption<DeviceChoice> _device = CommonOptions.Device();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON line." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _corpus, _cell.Option, _embedding, _hidden, _latent, _batch, _maxLength, _vocabulary, _wordDropout, _optimizer.Option, _learningRate, _momentum, _gradientClip, _projectionPrecision.Option, _steps, _warmup, _threads, _sentences, _sampleEvery, _profile, _device.Option, Json })
            command.Options.Add(option);
    }

    public TrainingBenchmarkOptions Read(ParseResult parse) => new TrainingBenchmarkOptions
    {
        Corpus = parse.GetValue(_corpus)!,
        Cell = _cell.Read(parse),
        Embedding = parse.GetValue(_embedding),
        Hidden = parse.GetValue(_hidden),
        Latent = parse.GetValue(_latent),
        Batch = parse.GetValue(_batch),
        MaxLength = parse.GetValue(_maxLength),
        Vocabulary = parse.GetValue(_vocabulary),
        WordDropout = parse.GetValue(_wordDropout),
        Optimizer = _optimizer.Read(parse),
        LearningRate = parse.GetValue(_learningRate),
        Momentum = parse.GetValue(_momentum),
        GradientClip = parse.GetValue(_gradientClip),
        ProjectionPrecision = _projectionPrecision.Read(parse),
        Steps = parse.GetValue(_steps),
        Warmup = parse.GetValue(_warmup),
        Threads = parse.GetValue(_threads),
        Sentences = parse.GetValue(_sentences),
        SampleEvery = parse.GetValue(_sampleEvery),
        Profile = parse.GetValue(_profile),
        Device = _device.Read(parse),
    }.Validate();
}
