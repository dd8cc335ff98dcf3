using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// A (bidirectional) LSTM or GRU over the packed sentence; the summary is the last layer's final hidden state of
/// each direction, concatenated. Packing makes the backward direction start at the last real token, not at padding.
/// </summary>
public sealed class RnnEncoder : SentenceEncoder
{
    private readonly Modules.LSTM? lstm;
    private readonly Modules.GRU? gru;
    private readonly int _directions;

    public RnnEncoder(ModelOptions options) : base(nameof(RnnEncoder))
    {
        _directions = options.Bidirectional ? 2 : 1;
        if (options.Encoder == CellKind.Lstm)
            lstm = LSTM(options.EmbeddingSize, options.HiddenSize, options.EncoderLayers, batchFirst: true, bidirectional: options.Bidirectional);
        else
            gru = GRU(options.EmbeddingSize, options.HiddenSize, options.EncoderLayers, batchFirst: true, bidirectional: options.Bidirectional);
        OutputSize = _directions * options.HiddenSize;
        RegisterComponents();
    }

    public override long OutputSize { get; }

    /// <param name="embedded">[batch, seq, embedding]</param>
    /// <param name="lengths">[batch] real tokens per sentence.</param>
    /// <returns>[batch, directions · hidden]</returns>
    public override Tensor forward(Tensor embedded, Tensor lengths)
    {
        using var packed = TorchSharp.torch.nn.utils.rnn.pack_padded_sequence(embedded, lengths.cpu(), batch_first: true, enforce_sorted: false);
        var final = lstm is not null ? lstm.call(packed).Item2 : gru!.call(packed).Item2; // [layers · directions, batch, hidden]
        var lastLayer = final[TensorIndex.Slice(-_directions)]; // [directions, batch, hidden]
        return lastLayer.permute(1, 0, 2).reshape(embedded.shape[0], -1); // [batch, directions · hidden]
    }
}
