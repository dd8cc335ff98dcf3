namespace TextVae.Tui;

/// <summary>A marked point of the map and the latent code it was lifted to when marked.</summary>
public sealed record MapMark(double X, double Y, float[] Code);
