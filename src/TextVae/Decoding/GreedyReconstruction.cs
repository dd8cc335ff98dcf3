using TextVae.Data;
using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Decoding;

/// <summary>
/// Encodes sentences to their posterior means and decodes them greedily: the quick look at reconstructions during
/// training, and the reconstructions that reconstruction BLEU scores.
/// </summary>
public static class GreedyReconstruction
{
    public static int[] Of(SentenceVae model, int[] sentence, Device device, int maxLength = 50)
    {
        using var scope = NewDisposeScope();
        return Of(model, SentenceBatch.Of([sentence]).To(device), maxLength, allowUnknown: false)[0].Ids;
    }

    /// <summary>All rows of a batch (already on the model's device) at once.</summary>
    public static DecodedSentence[] Of(SentenceVae model, SentenceBatch batch, int maxLength, bool allowUnknown)
    {
        using var scope = NewDisposeScope();
        using var evaluation = new EvaluationMode(model);
        var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens);
        var (mu, _) = model.Encode(encoderInput, batch.Lengths); // [batch, latent]
        return SentenceDecoding.Decode(model, mu, new DecodingOptions { MaxLength = maxLength, AllowUnknown = allowUnknown });
    }
}
