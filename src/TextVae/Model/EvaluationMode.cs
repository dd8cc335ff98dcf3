using static TorchSharp.torch;

namespace TextVae.Model;

/// <summary>
/// Evaluation mode (dropout off) without gradients until disposed; then the module is back in the mode it was in, so
/// an evaluation inside training leaves the trainer's mode as it found it.
/// </summary>
public sealed class EvaluationMode : IDisposable
{
    private readonly nn.Module _module;
    private readonly bool _wasTraining;
    private readonly IDisposable _noGrad;

    public EvaluationMode(nn.Module module)
    {
        _module = module;
        _wasTraining = module.training;
        _noGrad = no_grad();
        module.eval();
    }

    public void Dispose()
    {
        _module.train(_wasTraining);
        _noGrad.Dispose();
    }
}
