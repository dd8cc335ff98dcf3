using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Data;

/// <summary>
/// A padded batch of sentences in one tensor: each row is <c>&lt;bos&gt; w1 … wn &lt;eos&gt; &lt;pad&gt; …</c>.
/// The decoder reads <c>Tokens[:, :-1]</c> and predicts <c>Tokens[:, 1:]</c>; the encoder reads <c>Tokens[:, 1:]</c>.
/// </summary>
/// <param name="Tokens">[batch, maxWords + 2] int64 token ids.</param>
/// <param name="Lengths">[batch] int64: words + 1, the number of real target positions (the <c>&lt;eos&gt;</c> counts).</param>
/// <param name="TargetTokenCount">Sum of <paramref name="Lengths"/>: real target tokens, for tokens/s and perplexity.</param>
public sealed record SentenceBatch(Tensor Tokens, Tensor Lengths, long TargetTokenCount) : IDisposable
{
    public long Size => Tokens.shape[0];

    /// <summary>Rows <c>&lt;bos&gt; w1 … wn &lt;eos&gt; &lt;pad&gt; …</c> for token sequences (without &lt;bos&gt;/&lt;eos&gt;), in the given order, on the CPU.</summary>
    public static SentenceBatch Of(IReadOnlyList<int[]> sentences)
    {
        var width = sentences.Max(ids => ids.Length) + 2;
        var tokens = new long[sentences.Count * width];
        Array.Fill(tokens, SpecialTokens.Pad);
        var lengths = new long[sentences.Count];
        for (var row = 0; row < sentences.Count; row++)
        {
            var sentence = sentences[row];
            var offset = row * width;
            tokens[offset] = SpecialTokens.Bos;
            for (var i = 0; i < sentence.Length; i++)
                tokens[offset + 1 + i] = sentence[i];
            tokens[offset + 1 + sentence.Length] = SpecialTokens.Eos;
            lengths[row] = sentence.Length + 1;
        }
        return new SentenceBatch(
            tensor(tokens, [sentences.Count, width], ScalarType.Int64), // [batch, maxWords + 2]
            tensor(lengths, ScalarType.Int64), // [batch]
            lengths.Sum());
    }

    public SentenceBatch To(Device device) =>
        new(Tokens.to(device), Lengths.to(device), TargetTokenCount);

    /// <summary>[batch, maxWords + 1] bool: true at the real positions of <c>Tokens[:, 1:]</c> (words and <c>&lt;eos&gt;</c>).</summary>
    public Tensor TargetMask() => MaskFromLengths(Lengths, Tokens.shape[1] - 1);

    /// <summary>[batch, steps] bool: row b is true at positions 0 … lengths[b] − 1.</summary>
    public static Tensor MaskFromLengths(Tensor lengths, long steps) =>
        arange(steps, ScalarType.Int64, lengths.device).unsqueeze(0) < lengths.unsqueeze(1);

    public void Dispose()
    {
        Tokens.Dispose();
        Lengths.Dispose();
    }
}
