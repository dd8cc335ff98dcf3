using TextVae.Data;
using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Decoding;

/// <summary>
/// Encodes sentences to their posterior means and decodes them: the look at reconstructions during training, and
/// the reconstructions that reconstruction BLEU scores. Both decode alike (greedy, &lt;unk&gt; allowed, as the
/// references may hold it), so what the training log shows is what <c>eval</c> measures.
/// </summary>
public static class MeanReconstruction
{
    /// <summary>The decoding both use: greedy, &lt;unk&gt; allowed, at most <paramref name="maxLength"/> tokens with &lt;eos&gt;.</summary>
    public static DecodingOptions Greedy(int maxLength) => new() { MaxLength = maxLength, AllowUnknown = true };

    public static int[] Of(SentenceVae model, int[] sentence, Device device, int maxLength)
    {
        using var scope = NewDisposeScope();
        return Of(model, SentenceBatch.Of([sentence]).To(device), Greedy(maxLength))[0].Ids;
    }

    /// <summary>All rows of a batch (already on the model's device) at once.</summary>
    public static DecodedSentence[] Of(SentenceVae model, SentenceBatch batch, DecodingOptions options)
    {
        using var scope = NewDisposeScope();
        using var evaluation = new EvaluationMode(model);
        var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens);
        var (mu, _) = model.Encode(encoderInput, batch.Lengths); // [batch, latent]
        return SentenceDecoding.Decode(model, mu, options);
    }
}
