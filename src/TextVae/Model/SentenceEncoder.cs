using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>Reads an embedded sentence and summarises it in one vector, from which the latent heads predict q(z|x).</summary>
public abstract class SentenceEncoder(string name) : Module<Tensor, Tensor, Tensor>(name)
{
    /// <summary>Width of the summary vector.</summary>
    public abstract long OutputSize { get; }

    public static SentenceEncoder Create(ModelOptions options) => options.Encoder switch
    {
        CellKind.Lstm or CellKind.Gru => new RnnEncoder(options),
        CellKind.Transformer => new TransformerSentenceEncoder(options),
        _ => throw ConfigCheck.Undefined(options.Encoder, "model.encoder"),
    };
}
