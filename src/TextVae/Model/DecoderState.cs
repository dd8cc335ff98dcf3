using static TorchSharp.torch;

namespace TextVae.Model;

/// <summary>
/// What a decoder carries from one generated token to the next: the RNN's hidden (and LSTM cell) state, or the
/// Transformer's embedded prefix; always the latent code. Rows are sentences, so beam search reorders them with
/// <see cref="Select"/>.
/// </summary>
public sealed record DecoderState(Tensor Z, Tensor? Hidden = null, Tensor? Cell = null, Tensor? Prefix = null) : IDisposable
{
    /// <summary>Keeps the rows <paramref name="rows"/> ([n] int64), in that order.</summary>
    public DecoderState Select(Tensor rows) => new(
        Z.index_select(0, rows),
        Hidden?.index_select(1, rows), // [layers, batch, hidden]
        Cell?.index_select(1, rows),
        Prefix?.index_select(0, rows)); // [batch, steps, embedding]

    public DecoderState MoveToOuterDisposeScope()
    {
        Z.MoveToOuterDisposeScope();
        Hidden?.MoveToOuterDisposeScope();
        Cell?.MoveToOuterDisposeScope();
        Prefix?.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        Z.Dispose();
        Hidden?.Dispose();
        Cell?.Dispose();
        Prefix?.Dispose();
    }
}
