using TextVae.Runtime;
using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Model;

/// <summary>
/// Word dropout (Bowman et al. 2016): each decoder input word is replaced by &lt;unk&gt; with probability p, so the
/// decoder cannot lean on the previous word alone and must use z. It acts on token ids, not on embeddings, and
/// never touches &lt;bos&gt; (position 0) or padding.
/// </summary>
public static class WordDropout
{
    /// <param name="decoderInput">[batch, seq] token ids, <c>&lt;bos&gt; w1 … wn &lt;pad&gt;…</c>.</param>
    public static Tensor Apply(Tensor decoderInput, double rate, Generator? generator = null)
    {
        if (rate <= 0)
            return decoderInput;
        using var scope = NewDisposeScope();
        var draw = SeededRandom.Uniform(decoderInput.shape, decoderInput.device, generator); // [batch, seq]
        var isWord = decoderInput.ne(SpecialTokens.Pad).logical_and(decoderInput.ne(SpecialTokens.Bos));
        var drop = draw.lt(rate).logical_and(isWord);
        return decoderInput.masked_fill(drop, SpecialTokens.Unk).MoveToOuterDisposeScope();
    }
}
