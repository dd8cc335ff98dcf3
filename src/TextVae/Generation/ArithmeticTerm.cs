namespace TextVae.Generation;

/// <summary>One operand of latent arithmetic: a sentence whose posterior mean is added (+1) or subtracted (−1).</summary>
public sealed record ArithmeticTerm(int Sign, string Sentence)
{
    /// <summary>
    /// Reads <c>A - B + C</c> given as separate tokens ("A", "-", "B", "+", "C"): sentences separated by <c>+</c> or
    /// <c>-</c>, the first optionally preceded by a sign.
    /// </summary>
    public static IReadOnlyList<ArithmeticTerm> Parse(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            throw new TextVaeException("arithmetic needs at least one sentence, e.g. \"A\" - \"B\" + \"C\"");
        var terms = new List<ArithmeticTerm>();
        int? sign = null;
        foreach (var token in tokens)
        {
            if (token is "+" or "-")
            {
                if (sign is not null)
                    throw new TextVaeException($"arithmetic: two operators in a row ('{token}' after another); put a sentence between them");
                sign = token == "+" ? 1 : -1;
                continue;
            }
            if (sign is null && terms.Count > 0)
                throw new TextVaeException($"arithmetic: expected + or - before \"{token}\"");
            terms.Add(new ArithmeticTerm(sign ?? 1, token));
            sign = null;
        }
        if (sign is not null)
            throw new TextVaeException($"arithmetic ends with '{tokens[^1]}': a sentence must follow it");
        return terms;
    }
}
