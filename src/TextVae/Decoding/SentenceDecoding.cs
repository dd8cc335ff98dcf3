using TextVae.Model;
using TextVae.Tokenization;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace TextVae.Decoding;

/// <summary>
/// Decodes a batch of latent codes into sentences, all rows together, each row stopping at its own &lt;eos&gt;.
/// The only host synchronisation per token is the check whether every row has finished.
/// </summary>
public static class SentenceDecoding
{
    /// <param name="z">[rows, latent]</param>
    public static DecodedSentence[] Decode(SentenceVae model, Tensor z, DecodingOptions options, Generator? generator = null)
    {
        using var noGrad = no_grad();
        return options.Strategy == DecodingStrategy.Beam
            ? BeamSearch.Decode(model, z, options)
            : DecodeStepwise(model, z, options, generator);
    }

    private static DecodedSentence[] DecodeStepwise(SentenceVae model, Tensor z, DecodingOptions options, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var rows = z.shape[0];
        var state = model.StartDecoding(z);
        var previous = full(rows, SpecialTokens.Bos, dtype: int64, device: z.device); // [rows]
        var finished = zeros(rows, dtype: ScalarType.Bool, device: z.device);
        var logProbability = zeros(rows, dtype: float64, device: z.device);
        var tokens = new List<Tensor>();
        for (var step = 0; step < options.MaxLength; step++)
        {
            var (rawLogits, next) = model.DecodeStep(previous, state);
            var logits = Restrict(rawLogits, options); // [rows, vocabulary]
            var chosen = NextTokenChooser.Choose(logits, options, generator).masked_fill(finished, SpecialTokens.Pad); // [rows]
            var chosenLogProbability = log_softmax(logits, 1).gather(1, chosen.unsqueeze(1)).squeeze(1).to(float64);
            logProbability = logProbability + chosenLogProbability.masked_fill(finished, 0);
            tokens.Add(chosen);
            finished = finished.logical_or(chosen.eq(SpecialTokens.Eos));
            state = next;
            previous = chosen;
            if (finished.all().item<bool>())
                break;
        }
        return Collect(stack(tokens, 1), logProbability);
    }

    /// <summary>
    /// The logits every strategy chooses from, the one place that decides which tokens a sentence may contain:
    /// never &lt;pad&gt; or &lt;bos&gt;, which are never targets (with tied embeddings the &lt;pad&gt; row is zero, so its
    /// logit stays 0 and can beat every word), and &lt;unk&gt; only when allowed.
    /// </summary>
    internal static Tensor Restrict(Tensor logits, DecodingOptions options)
    {
        long[] banned = options.AllowUnknown ? [SpecialTokens.Pad, SpecialTokens.Bos] : [SpecialTokens.Pad, SpecialTokens.Bos, SpecialTokens.Unk];
        return logits.index_fill(1, tensor(banned, device: logits.device), float.NegativeInfinity);
    }

    /// <summary>Turns [rows, steps] token ids and [rows] log-probabilities into sentences cut at &lt;eos&gt;.</summary>
    internal static DecodedSentence[] Collect(Tensor tokens, Tensor logProbability)
    {
        var ids = tokens.cpu().data<long>().ToArray();
        var scores = logProbability.cpu().data<double>().ToArray();
        var steps = (int)tokens.shape[1];
        var result = new DecodedSentence[tokens.shape[0]];
        for (var row = 0; row < result.Length; row++)
        {
            var sentence = new List<int>();
            var finished = false;
            for (var step = 0; step < steps; step++)
            {
                var id = (int)ids[row * steps + step];
                if (id == SpecialTokens.Eos)
                {
                    finished = true;
                    break;
                }
                sentence.Add(id);
            }
            result[row] = new DecodedSentence(sentence.ToArray(), scores[row], finished);
        }
        return result;
    }
}
