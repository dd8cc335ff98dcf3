using TextVae.Configuration;
using TextVae.Model;
using TextVae.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Training;

/// <summary>
/// A <see cref="SentenceVae"/> on its device with the optimiser and the <see cref="OptimizationStep"/> that train it,
/// built from a run's options: the one place the trainer and the training benchmark build them, so both train alike.
/// </summary>
public sealed class TrainingModel : IDisposable
{
    private readonly TrainingOptions _training;

    /// <summary>Builds the model (its initial weights draw from torch's global generator, which the caller has seeded).</summary>
    public TrainingModel(ModelOptions model, ObjectiveOptions objective, TrainingOptions training, Device device, Generator? wordDropoutRandom)
    {
        _training = training;
        ProjectionPrecision = training.ProjectionPrecision switch
        {
            ProjectionPrecision.Auto => NativeBfloat16.On(device) ? ProjectionPrecision.Bfloat16 : ProjectionPrecision.Float32,
            var chosen => chosen,
        };
        Model = new SentenceVae(model) { TrainingProjection = ProjectionPrecision };
        Model.to(device);
        Optimizer = CreateOptimizer(Model.parameters(), training.LearningRate);
        Step = new OptimizationStep(Model, Optimizer, objective, training.GradientClip, wordDropoutRandom);
    }

    public SentenceVae Model { get; }

    /// <summary>The output projection's number format in training: the configured one, <c>auto</c> resolved for the device.</summary>
    public ProjectionPrecision ProjectionPrecision { get; }

    /// <summary>The optimiser over all parameters that <see cref="Step"/> applies.</summary>
    public OptimizerHelper Optimizer { get; private set; }

    public OptimizationStep Step { get; }

    /// <summary>An optimiser of the configured kind over <paramref name="parameters"/>, such as the encoder's alone.</summary>
    public OptimizerHelper CreateOptimizer(IEnumerable<Parameter> parameters, double learningRate) => _training.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(parameters, learningRate),
        OptimizerKind.Sgd => optim.SGD(parameters, learningRate, _training.Momentum),
        _ => throw ConfigCheck.Undefined(_training.Optimizer, "training.optimizer"),
    };

    /// <summary>Replaces <see cref="Optimizer"/> with a fresh one (no moments), as after a decoder reset.</summary>
    public void RestartOptimizer(double learningRate)
    {
        Optimizer.Dispose();
        Optimizer = CreateOptimizer(Model.parameters(), learningRate);
        Step.Optimizer = Optimizer;
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
    }
}
