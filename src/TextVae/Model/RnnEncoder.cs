using TextVae.Data;
using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// A (bidirectional) LSTM or GRU; the summary is the last layer's final hidden state of each direction,
/// concatenated, optionally followed by the mean of its outputs (<see cref="RnnSummary"/>). It may read each
/// sentence backwards (<see cref="ModelOptions.ReverseEncoderInput"/>). One direction runs over the padded batch
/// unpacked, which libtorch computes with oneDNN's fused kernels, and reads the last layer's output at each
/// sentence's last real token: padding only follows the real tokens, so it cannot reach that state. The backward
/// direction would start at padding, so a bidirectional encoder runs over the packed sentence instead.
/// </summary>
public sealed class RnnEncoder : SentenceEncoder
{
    private readonly Modules.LSTM? lstm;
    private readonly Modules.GRU? gru;
    private readonly int _directions;
    private readonly bool _reverse;
    private readonly bool _withMean;

    public RnnEncoder(ModelOptions options) : base(nameof(RnnEncoder))
    {
        _directions = options.Bidirectional ? 2 : 1;
        _reverse = options.ReverseEncoderInput;
        _withMean = options.RnnSummary == RnnSummary.FinalAndMean;
        if (options.Encoder == CellKind.Lstm)
            lstm = LSTM(options.EmbeddingSize, options.HiddenSize, options.EncoderLayers, batchFirst: true, bidirectional: options.Bidirectional);
        else
            gru = GRU(options.EmbeddingSize, options.HiddenSize, options.EncoderLayers, batchFirst: true, bidirectional: options.Bidirectional);
        OutputSize = (_withMean ? 2 : 1) * _directions * options.HiddenSize;
        RegisterComponents();
    }

    public override long OutputSize { get; }

    /// <param name="embedded">[batch, seq, embedding]</param>
    /// <param name="lengths">[batch] real tokens per sentence.</param>
    /// <returns>[batch, directions · hidden], twice as wide with the mean.</returns>
    public override Tensor forward(Tensor embedded, Tensor lengths)
    {
        if (_reverse)
            embedded = Reversed(embedded, lengths);
        var (final, outputs) = _directions == 1 ? Unpacked(embedded, lengths) : Packed(embedded, lengths);
        return _withMean ? cat([final, MeanOfReal(outputs, lengths)], 1) : final;
    }

    /// <summary>Each row's real tokens in reverse order, the padding after them where it was.</summary>
    /// <returns>[batch, seq, embedding]</returns>
    private static Tensor Reversed(Tensor embedded, Tensor lengths)
    {
        var position = arange(embedded.shape[1], device: embedded.device).unsqueeze(0); // [1, seq]
        var source = where(SentenceBatch.MaskFromLengths(lengths, embedded.shape[1]), lengths.unsqueeze(1) - 1 - position, position); // [batch, seq]
        return embedded.gather(1, source.unsqueeze(2).expand(-1, -1, embedded.shape[2]));
    }

    /// <returns>The final states [batch, hidden] and the outputs [batch, seq, hidden].</returns>
    private (Tensor Final, Tensor Outputs) Unpacked(Tensor embedded, Tensor lengths)
    {
        var output = lstm is not null ? lstm.call(embedded).Item1 : gru!.call(embedded).Item1; // [batch, seq, hidden]
        var last = (lengths - 1).view(-1, 1, 1).expand(-1, 1, output.shape[2]); // [batch, 1, hidden]
        return (output.gather(1, last).squeeze(1), output); // [batch, hidden]
    }

    /// <returns>The final states [batch, directions · hidden] and the outputs [batch, seq, directions · hidden] (zero at padding).</returns>
    private (Tensor Final, Tensor Outputs) Packed(Tensor embedded, Tensor lengths)
    {
        using var packed = TorchSharp.torch.nn.utils.rnn.pack_padded_sequence(embedded, lengths.cpu(), batch_first: true, enforce_sorted: false);
        TorchSharp.torch.nn.utils.rnn.PackedSequence packedOutput;
        Tensor final; // [layers · directions, batch, hidden]
        if (lstm is not null)
            (packedOutput, final, _) = lstm.call(packed);
        else
            (packedOutput, final) = gru!.call(packed);
        using var ownedOutput = packedOutput;
        var lastLayer = final[TensorIndex.Slice(-_directions)]; // [directions, batch, hidden]
        var summary = lastLayer.permute(1, 0, 2).reshape(embedded.shape[0], -1); // [batch, directions · hidden]
        if (!_withMean)
            return (summary, summary);
        var (outputs, _) = TorchSharp.torch.nn.utils.rnn.pad_packed_sequence(packedOutput, batch_first: true, total_length: embedded.shape[1]);
        return (summary, outputs);
    }
}
