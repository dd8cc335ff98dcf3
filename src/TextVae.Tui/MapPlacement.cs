using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>A typed sentence on the map: where its posterior mean lands and the spread of q(z|x) projected to the plane.</summary>
public sealed record MapPlacement(SentenceInput Input, double X, double Y, (double Xx, double Xy, double Yy) Covariance);
