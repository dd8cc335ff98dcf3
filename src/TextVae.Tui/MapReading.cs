using TextVae.Generation;

namespace TextVae.Tui;

/// <summary>What the map shows about the cursor's point: its latent code decoded, the nearest corpus sentences, and the path between the marks.</summary>
/// <param name="Interpolation">The decoded straight path from mark A to mark B; empty until both are set.</param>
public sealed record MapReading(
    double X,
    double Y,
    LiftMode Lift,
    GeneratedSentence Sentence,
    IReadOnlyList<Neighbour> Neighbours,
    IReadOnlyList<InterpolationPoint> Interpolation);
