using TextVae.Data;
using TextVae.Runtime;
using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Model;

/// <summary>
/// The input noise of a denoising text autoencoder (Shen et al. 2020): each word of the encoder's input is deleted
/// with probability p and the rest close up, so sentences that differ by a few words are pushed to nearby codes.
/// &lt;eos&gt; and padding are never deleted.
/// </summary>
public static class WordDeletion
{
    /// <param name="encoderInput">[batch, seq] token ids, <c>w1 … wn &lt;eos&gt; &lt;pad&gt;…</c>.</param>
    /// <param name="lengths">[batch] real tokens per row, &lt;eos&gt; included.</param>
    /// <returns>The rows with the deleted words removed and padding after them [batch, seq], and their new lengths [batch].</returns>
    public static (Tensor Tokens, Tensor Lengths) Apply(Tensor encoderInput, Tensor lengths, double rate, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        var seq = encoderInput.shape[1];
        var position = arange(seq, device: encoderInput.device).unsqueeze(0).expand_as(encoderInput); // [batch, seq]
        var isWord = SentenceBatch.MaskFromLengths(lengths - 1, seq); // [batch, seq]: w1 … wn
        var deleted = SeededRandom.Uniform(encoderInput.shape, encoderInput.device, generator).lt(rate).logical_and(isWord);
        // Kept tokens keep their keys and so their order; deleted ones move past every other position.
        var order = (position + deleted.to(int64) * seq).argsort(1); // [batch, seq]
        var keptLengths = lengths - deleted.to(lengths.dtype).sum(1); // [batch]
        var kept = encoderInput.gather(1, order).masked_fill(SentenceBatch.MaskFromLengths(keptLengths, seq).logical_not(), SpecialTokens.Pad);
        return (kept.MoveToOuterDisposeScope(), keptLengths.MoveToOuterDisposeScope());
    }
}
