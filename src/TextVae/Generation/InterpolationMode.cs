namespace TextVae.Generation;

/// <summary>The path between two latent codes: a straight line, or the great circle (slerp, White 2016).</summary>
public enum InterpolationMode
{
    Linear,
    Slerp,
}
