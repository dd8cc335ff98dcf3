using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TextVae.Model;

/// <summary>
/// An LSTM or GRU language model conditioned on z (Bowman et al. 2016): z is mapped to the initial hidden (and
/// cell) state of every layer and, optionally, concatenated to every input embedding. Without a latent code (the
/// language-model baseline) it starts from zeros. It runs over the padded batch unpacked: padding only follows the
/// real tokens, so it cannot reach them.
/// </summary>
public sealed class RnnDecoder : SentenceDecoder
{
    private readonly Modules.LSTM? lstm;
    private readonly Modules.GRU? gru;
    private readonly Modules.Linear? initialHidden;
    private readonly Modules.Linear? initialCell;
    private readonly int _layers;
    private readonly int _hiddenSize;
    private readonly bool _latentToEveryStep;

    public RnnDecoder(ModelOptions options) : base(nameof(RnnDecoder))
    {
        _layers = options.DecoderLayers;
        _hiddenSize = options.HiddenSize;
        _latentToEveryStep = options.LatentToEveryStep;
        var inputSize = options.EmbeddingSize + (options.LatentToEveryStep ? options.LatentSize : 0);
        var mapsLatent = !options.IsLanguageModel;
        if (mapsLatent)
            initialHidden = Linear(options.LatentSize, _layers * _hiddenSize);
        if (options.Decoder == CellKind.Lstm)
        {
            lstm = LSTM(inputSize, _hiddenSize, _layers, batchFirst: true);
            if (mapsLatent)
                initialCell = Linear(options.LatentSize, _layers * _hiddenSize);
        }
        else
        {
            gru = GRU(inputSize, _hiddenSize, _layers, batchFirst: true);
        }
        RegisterComponents();
    }

    public override long OutputSize => _hiddenSize;

    /// <param name="embedded">[batch, seq, embedding]</param>
    /// <param name="z">[batch, latent]</param>
    /// <returns>[batch, seq, hidden]</returns>
    public override Tensor forward(Tensor embedded, Tensor z) => Run(Inputs(embedded, z), Start(z)).Output;

    public override DecoderState Start(Tensor z)
    {
        var hidden = InitialState(initialHidden, z); // [layers, batch, hidden]
        return new DecoderState(z, hidden, lstm is null ? null : InitialState(initialCell, z));
    }

    public override (Tensor Hidden, DecoderState Next) Step(Tensor embeddedToken, DecoderState state)
    {
        var (output, next) = Run(Inputs(embeddedToken.unsqueeze(1), state.Z), state); // [batch, 1, hidden]
        return (output.squeeze(1), next);
    }

    private Tensor Inputs(Tensor embedded, Tensor z) =>
        _latentToEveryStep ? SentenceDecoder.WithLatent(embedded, z) : embedded; // [batch, seq, embedding (+ latent)]

    private (Tensor Output, DecoderState Next) Run(Tensor inputs, DecoderState state)
    {
        if (lstm is not null)
        {
            var (output, hidden, cell) = lstm.call(inputs, (state.Hidden!, state.Cell!));
            return (output, new DecoderState(state.Z, hidden, cell));
        }
        var (gruOutput, gruHidden) = gru!.call(inputs, state.Hidden);
        return (gruOutput, new DecoderState(state.Z, gruHidden));
    }

    private Tensor InitialState(Modules.Linear? map, Tensor z) => map is null
        ? zeros([_layers, z.shape[0], _hiddenSize], dtype: z.dtype, device: z.device) // [layers, batch, hidden]
        : map.call(z).view(z.shape[0], _layers, _hiddenSize).transpose(0, 1).contiguous(); // [layers, batch, hidden]
}
