using TextVae.Model;
using TextVae.Tokenization;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace TextVae.Decoding;

/// <summary>
/// Beam search over all latent codes at once: rows × width hypotheses decode together; a finished hypothesis keeps
/// its score and only extends with padding. Hypotheses compete on their total log-probability while they grow, and
/// the finished ones on their log-probability per token (&lt;eos&gt; counted), so a long sentence is not lost to a short
/// one merely for having more terms; a width of 1 is exactly greedy decoding.
/// </summary>
public static class BeamSearch
{
    /// <param name="z">[rows, latent]</param>
    public static DecodedSentence[] Decode(SentenceVae model, Tensor z, DecodingOptions options)
    {
        var width = options.BeamWidth;
        using var scope = NewDisposeScope();
        var rows = z.shape[0];
        var device = z.device;
        var expand = arange(rows, device: device).repeat_interleave(width); // [rows · width]
        var state = model.StartDecoding(z).Select(expand);
        // Only the first beam of each row starts alive, so the first step does not fill every beam with the same token.
        var scores = full(rows, width, float.NegativeInfinity, dtype: float64, device: device);
        scores[TensorIndex.Colon, 0] = 0;
        var finished = zeros(rows * width, dtype: ScalarType.Bool, device: device);
        var previous = full(rows * width, SpecialTokens.Bos, dtype: int64, device: device);
        Tensor? history = null; // [rows · width, steps]
        var rowOffsets = (arange(rows, device: device) * width).unsqueeze(1); // [rows, 1]

        for (var step = 0; step < options.MaxLength; step++)
        {
            var (logits, next) = model.DecodeStep(previous, state);
            var vocabulary = logits.shape[1];
            var logProbabilities = log_softmax(SentenceDecoding.Restrict(logits, options), 1).to(float64); // [rows · width, vocabulary]
            var padOnly = full(vocabulary, double.NegativeInfinity, dtype: float64, device: device);
            padOnly[SpecialTokens.Pad] = 0;
            logProbabilities = where(finished.unsqueeze(1), padOnly.unsqueeze(0), logProbabilities);

            var candidates = (scores.unsqueeze(2) + logProbabilities.view(rows, width, vocabulary)).view(rows, -1); // [rows, width · vocabulary]
            var (top, index) = candidates.topk(width, 1); // [rows, width]
            var beam = index.div(vocabulary, rounding_mode: RoundingMode.floor);
            var token = index.remainder(vocabulary).view(-1); // [rows · width]
            var source = (rowOffsets + beam).view(-1); // [rows · width]

            state = next.Select(source);
            history = history is null ? token.unsqueeze(1) : cat([history.index_select(0, source), token.unsqueeze(1)], 1);
            finished = finished.index_select(0, source).logical_or(token.eq(SpecialTokens.Eos));
            scores = top;
            previous = token;
            if (finished.all().item<bool>())
                break;
        }

        var tokens = history!.ne(SpecialTokens.Pad).sum(1).to(float64).view(rows, width); // [rows, width], <eos> counted
        var best = (scores / tokens).argmax(1); // [rows]
        var chosen = (rowOffsets.squeeze(1) + best); // [rows]
        return SentenceDecoding.Collect(history!.index_select(0, chosen), scores.gather(1, best.unsqueeze(1)).squeeze(1));
    }
}
