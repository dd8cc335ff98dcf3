using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace TextVae.Tokenization;

/// <summary>
/// Unicode NFC, then optional lower-casing: the one normalisation that vocabulary building, training data and
/// generation share, so "Köln" typed with a combining diaeresis is the same token as the precomposed one.
/// </summary>
public sealed class SentenceNormalizer(bool lowercase) : Normalizer
{
    public bool Lowercase { get; } = lowercase;

    public override string Normalize(string original)
    {
        // Normalisation rejects a lone surrogate (text cut inside an emoji, say): it becomes U+FFFD like invalid UTF-8.
        if (original.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            original = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(original));
        var composed = original.IsNormalized(NormalizationForm.FormC) ? original : original.Normalize(NormalizationForm.FormC);
        // Invariant culture: a Turkish machine must not turn "I" into dotless "ı" and change the vocabulary.
        return Lowercase ? composed.ToLower(CultureInfo.InvariantCulture) : composed;
    }

    public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());
}
