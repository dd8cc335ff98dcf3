using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// The autoregressive decoder p(x|z): <c>forward(embedded inputs, z)</c> gives a hidden vector per position for
/// teacher-forced training; <see cref="Start"/> and <see cref="Step"/> generate one token at a time.
/// Position t only ever sees inputs up to t.
/// </summary>
public abstract class SentenceDecoder(string name) : Module<Tensor, Tensor, Tensor>(name)
{
    /// <summary>Width of the hidden vector given to the output projection.</summary>
    public abstract long OutputSize { get; }

    /// <param name="z">[batch, latent]</param>
    public abstract DecoderState Start(Tensor z);

    /// <param name="embeddedToken">[batch, embedding], the previous token.</param>
    /// <returns>The hidden vector for the next token [batch, hidden], and the state after it.</returns>
    public abstract (Tensor Hidden, DecoderState Next) Step(Tensor embeddedToken, DecoderState state);

    /// <summary>z appended to every position's vector, as decoder inputs and output features take it.</summary>
    /// <param name="sequence">[batch, seq, width]</param>
    /// <param name="z">[batch, latent]</param>
    /// <returns>[batch, seq, width + latent]</returns>
    public static Tensor WithLatent(Tensor sequence, Tensor z) =>
        cat([sequence, z.unsqueeze(1).expand(-1, sequence.shape[1], -1)], 2);

    public static SentenceDecoder Create(ModelOptions options) => options.Decoder switch
    {
        CellKind.Lstm or CellKind.Gru => new RnnDecoder(options),
        CellKind.Transformer => new TransformerSentenceDecoder(options),
        _ => throw ConfigCheck.Undefined(options.Decoder, "model.decoder"),
    };
}
