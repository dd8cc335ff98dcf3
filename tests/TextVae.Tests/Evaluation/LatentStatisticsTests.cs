using TextVae.Evaluation;
using static TorchSharp.torch;

namespace TextVae.Tests.Evaluation;

public class LatentStatisticsTests
{
    [Fact]
    public void Active_units_are_the_dimensions_whose_means_vary_more_than_the_threshold()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var standard = randn(4000, 1); // unit variance
        var means = cat([standard, standard * 0.05, standard * 0.5, zeros(4000, 1)], 1); // variances 1, 0.0025, 0.25, 0

        Assert.Equal(2, LatentStatistics.ActiveUnits(means));
    }

    [Fact]
    public void Mutual_information_is_near_zero_when_every_sentence_has_the_same_posterior()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var mu = zeros(3000, 2);
        var logVar = zeros(3000, 2);
        var z = randn(3000, 2);

        var mi = LatentStatistics.MutualInformation(mu, logVar, z, chunkElements: 700 * 3000 * 2); // 700 rows a chunk, the last one short

        Assert.InRange(mi, -0.05, 0.05);
    }

    [Fact]
    public void Mutual_information_does_not_depend_on_how_many_rows_a_chunk_holds()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var mu = randn(500, 3);
        var logVar = randn(500, 3) * 0.5 - 1;
        var z = mu + randn(500, 3) * (0.5 * logVar).exp();

        var whole = LatentStatistics.MutualInformation(mu, logVar, z, chunkElements: 500 * 500 * 3);
        foreach (var rows in new[] { 1, 7, 499 })
            Assert.Equal(whole, LatentStatistics.MutualInformation(mu, logVar, z, chunkElements: rows * 500 * 3), 9);
    }

    [Fact]
    public void Mutual_information_reaches_log_n_when_posteriors_are_separated()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        // The estimate equals log N − ½ + ½·mean(χ²₁) here, so N sets its noise: ±0.016 (one sd) at N = 2000.
        const int n = 2000;
        var mu = (arange(n, float32) * 10).unsqueeze(1); // far apart
        var logVar = full(n, 1, Math.Log(1e-4));
        var z = mu + randn(n, 1) * 0.01;

        var mi = LatentStatistics.MutualInformation(mu, logVar, z);

        Assert.InRange(mi, Math.Log(n) - 0.06, Math.Log(n) + 0.06);
    }
}
