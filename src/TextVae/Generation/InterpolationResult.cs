namespace TextVae.Generation;

/// <param name="Points">The decoded path, consecutive duplicates merged, covering steps 0 … steps − 1 in order.</param>
public sealed record InterpolationResult(SentenceInput First, SentenceInput Second, int Steps, InterpolationPath Mode, IReadOnlyList<InterpolationPoint> Points);
