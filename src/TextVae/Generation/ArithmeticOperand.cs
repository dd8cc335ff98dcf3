namespace TextVae.Generation;

/// <summary>An arithmetic term as the model read it.</summary>
public sealed record ArithmeticOperand(int Sign, SentenceInput Input);
