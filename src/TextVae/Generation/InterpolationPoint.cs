namespace TextVae.Generation;

/// <summary>
/// One sentence on an interpolation path and the run of consecutive steps that decode to it (0-based steps;
/// positions are fractions of the way from the first sentence to the second). The score is that of the first step.
/// </summary>
public sealed record InterpolationPoint(int FirstStep, int LastStep, double FirstPosition, double LastPosition, GeneratedSentence Sentence);
