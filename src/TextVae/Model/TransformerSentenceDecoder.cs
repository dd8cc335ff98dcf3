using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// A causal Transformer decoder conditioned on z, either as a one-token memory that every position attends to,
/// or added to every position, or both; without a latent code (the language-model baseline) it only attends to
/// itself. Generation recomputes the whole prefix at each step, which is simple and
/// cheap at sentence lengths.
/// </summary>
public sealed class TransformerSentenceDecoder : SentenceDecoder
{
    private readonly Modules.Linear input;
    private readonly PositionalEncoding positions;
    private readonly Modules.Linear? latentMemory;
    private readonly Modules.Linear? latentOffset;
    private readonly Modules.TransformerDecoder? crossAttending;
    private readonly Modules.TransformerEncoder? selfAttending;
    private readonly long _hiddenSize;

    public TransformerSentenceDecoder(ModelOptions options) : base(nameof(TransformerSentenceDecoder))
    {
        _hiddenSize = options.HiddenSize;
        input = Linear(options.EmbeddingSize, options.HiddenSize);
        positions = new PositionalEncoding(options.Positions, options.MaxPositions, options.HiddenSize);
        if (options.LatentToEveryStep && !options.IsLanguageModel)
            latentOffset = Linear(options.LatentSize, options.HiddenSize);
        if (options.LatentAsMemory && !options.IsLanguageModel)
        {
            latentMemory = Linear(options.LatentSize, options.HiddenSize);
            crossAttending = TransformerDecoder(
                TransformerDecoderLayer(options.HiddenSize, options.TransformerHeads, options.TransformerFeedForward, options.TransformerDropout),
                options.DecoderLayers);
        }
        else
        {
            selfAttending = TransformerEncoder(
                TransformerEncoderLayer(options.HiddenSize, options.TransformerHeads, options.TransformerFeedForward, options.TransformerDropout),
                options.DecoderLayers);
        }
        RegisterComponents();
    }

    public override long OutputSize => _hiddenSize;

    /// <param name="embedded">[batch, seq, embedding]</param>
    /// <param name="z">[batch, latent]</param>
    /// <returns>[batch, seq, hidden]</returns>
    public override Tensor forward(Tensor embedded, Tensor z)
    {
        var x = positions.call(input.call(embedded)); // [batch, seq, hidden]
        if (latentOffset is not null)
            x = x + latentOffset.call(z).unsqueeze(1);
        var length = x.shape[1];
        var causal = triu(full(length, length, float.NegativeInfinity, device: x.device), 1); // [seq, seq]
        var sequenceFirst = x.transpose(0, 1); // [seq, batch, hidden]
        var output = crossAttending is not null
            ? crossAttending.call(sequenceFirst, latentMemory!.call(z).unsqueeze(0), causal) // memory: [1, batch, hidden]
            : selfAttending!.call(sequenceFirst, causal);
        return output.transpose(0, 1); // [batch, seq, hidden]
    }

    public override DecoderState Start(Tensor z) =>
        new(z, Prefix: zeros(z.shape[0], 0, input.in_features, dtype: z.dtype, device: z.device));

    public override (Tensor Hidden, DecoderState Next) Step(Tensor embeddedToken, DecoderState state)
    {
        var prefix = cat([state.Prefix!, embeddedToken.unsqueeze(1)], 1); // [batch, steps + 1, embedding]
        var hidden = forward(prefix, state.Z)[TensorIndex.Colon, -1]; // [batch, hidden]
        return (hidden, new DecoderState(state.Z, Prefix: prefix));
    }
}
