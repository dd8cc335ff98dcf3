using TextVae.Model;
using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Generation;

/// <summary>Encodes one sentence to its posterior mean and decodes it greedily: the quick look at reconstructions during training.</summary>
public static class GreedyReconstruction
{
    public static int[] Of(SentenceVae model, int[] sentence, Device device, int maxLength = 50)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            var ids = sentence.Select(id => (long)id).Append(SpecialTokens.Eos).ToArray();
            var input = tensor(ids, device: device).unsqueeze(0); // [1, words + 1]
            var (mu, _) = model.Encode(input, tensor(new long[] { ids.Length }, device: device));
            return SentenceDecoding.Decode(model, mu, new DecodingOptions { MaxLength = maxLength })[0].Ids;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
