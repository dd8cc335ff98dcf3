namespace TextVae.Evaluation;

/// <summary>One batch's scores with the posteriors they came from, rows in the batch's order.</summary>
/// <param name="Means">Row-major [sentences, latent] posterior means.</param>
/// <param name="LogVariances">Row-major [sentences, latent] posterior log-variances.</param>
public sealed record ScoredBatch(SentenceScore[] Scores, float[] Means, float[] LogVariances, int LatentSize)
{
    public ReadOnlySpan<float> Mean(int row) => Means.AsSpan(row * LatentSize, LatentSize);
    public ReadOnlySpan<float> LogVariance(int row) => LogVariances.AsSpan(row * LatentSize, LatentSize);
}
