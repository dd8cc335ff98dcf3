using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>Adds position information to a sequence: learned embeddings, or the fixed sinusoids of Vaswani et al. (2017).</summary>
public sealed class PositionalEncoding : Module<Tensor, Tensor>
{
    private readonly Modules.Embedding? learned;
    private readonly Tensor? sinusoids;

    public PositionalEncoding(PositionKind kind, long maxPositions, long size) : base(nameof(PositionalEncoding))
    {
        ConfigCheck.Defined(kind, "model.positions");
        if (kind == PositionKind.Learned)
        {
            learned = Embedding(maxPositions, size);
        }
        else
        {
            var position = arange(maxPositions, dtype: float32).unsqueeze(1); // [positions, 1]
            var frequency = exp(arange(0, size, 2, dtype: float32) * (-Math.Log(10_000.0) / size)); // [size / 2]
            var table = zeros(maxPositions, size);
            table[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = sin(position * frequency);
            table[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = cos(position * frequency)[TensorIndex.Colon, TensorIndex.Slice(0, size / 2)];
            // A buffer moves with the module to its device and is saved with it, but is not trained.
            sinusoids = table;
        }
        RegisterComponents();
    }

    /// <param name="x">[batch, seq, size]</param>
    public override Tensor forward(Tensor x)
    {
        var length = x.shape[1];
        var positions = learned is not null
            ? learned.call(arange(length, device: x.device)) // [seq, size]
            : sinusoids![TensorIndex.Slice(0, length)];
        return x + positions.unsqueeze(0);
    }
}
