namespace TextVae.Generation;

/// <summary>How a point of the 2-D map becomes a latent code: the components the map does not show must come from somewhere.</summary>
public enum LiftMode
{
    /// <summary>The corpus mean plus the point along the two principal axes; every other direction at the mean.</summary>
    Mean,

    /// <summary>The nearest corpus sentence's code, moved along the two principal axes to the point.</summary>
    Nearest,
}
