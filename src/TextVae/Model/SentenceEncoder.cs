using TextVae.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>Reads an embedded sentence and summarises it in one vector, from which the latent heads predict q(z|x).</summary>
public abstract class SentenceEncoder(string name) : Module<Tensor, Tensor, Tensor>(name)
{
    /// <summary>Width of the summary vector.</summary>
    public abstract long OutputSize { get; }

    /// <summary>The mean of each row's outputs over its first <paramref name="lengths"/> positions, padding left out.</summary>
    /// <param name="outputs">[batch, seq, width]</param>
    /// <param name="lengths">[batch]</param>
    /// <returns>[batch, width]</returns>
    protected static Tensor MeanOfReal(Tensor outputs, Tensor lengths)
    {
        var real = SentenceBatch.MaskFromLengths(lengths, outputs.shape[1]).unsqueeze(2).to(outputs.dtype); // [batch, seq, 1]
        return (outputs * real).sum(1) / real.sum(1);
    }

    public static SentenceEncoder Create(ModelOptions options) => options.Encoder switch
    {
        CellKind.Lstm or CellKind.Gru => new RnnEncoder(options),
        CellKind.Transformer => new TransformerSentenceEncoder(options),
        _ => throw ConfigCheck.Undefined(options.Encoder, "model.encoder"),
    };
}
