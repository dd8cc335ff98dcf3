namespace TextVae.Generation;

/// <param name="Output">The sentence decoded from Σ sign · posterior mean.</param>
public sealed record ArithmeticResult(IReadOnlyList<ArithmeticOperand> Terms, GeneratedSentence Output);
