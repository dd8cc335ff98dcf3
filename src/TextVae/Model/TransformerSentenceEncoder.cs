using TextVae.Runtime;
using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// A Transformer encoder over the sentence with a key-padding mask; the summary is the mean of the real tokens'
/// outputs, or the output at a learned summary token placed before the sentence.
/// </summary>
public sealed class TransformerSentenceEncoder : SentenceEncoder
{
    private readonly Modules.Linear input;
    private readonly PositionalEncoding positions;
    private readonly Modules.TransformerEncoder layers;
    private readonly Modules.Parameter? summaryToken;

    public TransformerSentenceEncoder(ModelOptions options) : base(nameof(TransformerSentenceEncoder))
    {
        input = Linear(options.EmbeddingSize, options.HiddenSize);
        positions = new PositionalEncoding(options.Positions, options.MaxPositions + 1, options.HiddenSize);
        layers = TransformerEncoder(
            TransformerEncoderLayer(options.HiddenSize, options.TransformerHeads, options.TransformerFeedForward, options.TransformerDropout),
            options.EncoderLayers);
        ConfigCheck.Defined(options.Pooling, "model.pooling");
        if (options.Pooling == EncoderPooling.Summary)
            summaryToken = Parameter(SeededRandom.Normal([1, 1, options.HiddenSize], CPU, null) * 0.02); // built on the CPU like every module, then moved
        OutputSize = options.HiddenSize;
        RegisterComponents();
    }

    public override long OutputSize { get; }

    /// <param name="embedded">[batch, seq, embedding]</param>
    /// <param name="lengths">[batch]</param>
    /// <returns>[batch, hidden]</returns>
    public override Tensor forward(Tensor embedded, Tensor lengths)
    {
        var x = input.call(embedded); // [batch, seq, hidden]
        var padding = arange(x.shape[1], device: x.device).unsqueeze(0) >= lengths.unsqueeze(1); // [batch, seq], true at padding
        if (summaryToken is not null)
        {
            x = cat([summaryToken.expand(x.shape[0], 1, x.shape[2]), x], 1); // [batch, 1 + seq, hidden]
            padding = cat([zeros(x.shape[0], 1, dtype: ScalarType.Bool, device: x.device), padding], 1);
        }
        x = positions.call(x);
        var output = layers.call(x.transpose(0, 1), null!, padding).transpose(0, 1); // [batch, seq', hidden]
        if (summaryToken is not null)
            return output[TensorIndex.Colon, 0];
        return MeanOfReal(output, lengths); // [batch, hidden]
    }
}
