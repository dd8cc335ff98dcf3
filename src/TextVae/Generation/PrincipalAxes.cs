namespace TextVae.Generation;

/// <summary>The result of a principal component analysis: where the data is centred and the directions of its largest spread.</summary>
/// <param name="Mean">The data's mean, [dimensions].</param>
/// <param name="Axes">Unit axes, largest variance first, each [dimensions]; all zeros past the data's dimensions.</param>
/// <param name="ExplainedVariance">The fraction of the total variance along each axis.</param>
public sealed record PrincipalAxes(double[] Mean, double[][] Axes, double[] ExplainedVariance);
