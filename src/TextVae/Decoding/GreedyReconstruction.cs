using TextVae.Data;
using TextVae.Model;
using TextVae.Tokenization;
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
        var ids = sentence.Select(id => (long)id).Append(SpecialTokens.Eos).ToArray();
        var input = tensor(ids, device: device).unsqueeze(0); // [1, words + 1]
        return Decode(model, input, tensor(new long[] { ids.Length }, device: device), maxLength)[0].Ids;
    }

    /// <summary>All rows of a batch (already on the model's device) at once.</summary>
    public static DecodedSentence[] Of(SentenceVae model, SentenceBatch batch, int maxLength)
    {
        using var scope = NewDisposeScope();
        var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens);
        return Decode(model, encoderInput, batch.Lengths, maxLength);
    }

    private static DecodedSentence[] Decode(SentenceVae model, Tensor encoderInput, Tensor lengths, int maxLength)
    {
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            var (mu, _) = model.Encode(encoderInput, lengths); // [batch, latent]
            return SentenceDecoding.Decode(model, mu, new DecodingOptions { MaxLength = maxLength });
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
