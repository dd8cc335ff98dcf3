using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// A (bidirectional) LSTM or GRU; the summary is the last layer's final hidden state of each direction,
/// concatenated. One direction runs over the padded batch unpacked, which libtorch computes with oneDNN's fused
/// kernels, and reads the last layer's output at each sentence's last real token: padding only follows the real
/// tokens, so it cannot reach that state. The backward direction would start at padding, so a bidirectional
/// encoder runs over the packed sentence instead.
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
    public override Tensor forward(Tensor embedded, Tensor lengths) =>
        _directions == 1 ? FinalOfUnpacked(embedded, lengths) : FinalOfPacked(embedded, lengths);

    /// <returns>[batch, hidden]</returns>
    private Tensor FinalOfUnpacked(Tensor embedded, Tensor lengths)
    {
        var output = lstm is not null ? lstm.call(embedded).Item1 : gru!.call(embedded).Item1; // [batch, seq, hidden]
        var last = (lengths - 1).view(-1, 1, 1).expand(-1, 1, output.shape[2]); // [batch, 1, hidden]
        return output.gather(1, last).squeeze(1); // [batch, hidden]
    }

    /// <returns>[batch, directions · hidden]</returns>
    private Tensor FinalOfPacked(Tensor embedded, Tensor lengths)
    {
        using var packed = TorchSharp.torch.nn.utils.rnn.pack_padded_sequence(embedded, lengths.cpu(), batch_first: true, enforce_sorted: false);
        var final = lstm is not null ? lstm.call(packed).Item2 : gru!.call(packed).Item2; // [layers · directions, batch, hidden]
        var lastLayer = final[TensorIndex.Slice(-_directions)]; // [directions, batch, hidden]
        return lastLayer.permute(1, 0, 2).reshape(embedded.shape[0], -1); // [batch, directions · hidden]
    }
}
