using TextVae.Compression;

namespace TextVae.Tests.Compression;

public sealed class LatentBucketsTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(-6.0, 9.865876450376981e-10)]
    [InlineData(3.5, 0.9997673709209645)]
    public void Cdf_matches_tabulated_values(double x, double expected)
    {
        Assert.InRange(StandardNormal.Cdf(x) / expected, 1 - 1e-12, 1 + 1e-12);
        Assert.Equal(x, StandardNormal.InverseCdf(StandardNormal.Cdf(x)), 1e-9);
    }

    [Fact]
    public void Buckets_have_equal_prior_mass_and_ordered_centres()
    {
        var buckets = new LatentBuckets(8);
        var prior = buckets.Posterior(0, 1, 24);
        var frequencies = Enumerable.Range(0, buckets.Count).Select(b => (double)prior.Frequency(b)).ToArray();
        Assert.InRange(frequencies.Max() / frequencies.Min(), 1, 1.0001);
        for (var b = 1; b < buckets.Count; b++)
            Assert.True(buckets.Centre(b) > buckets.Centre(b - 1));
        Assert.Equal(0f, buckets.Centre(127) + buckets.Centre(128), 6);
    }

    [Fact]
    public void A_narrow_posterior_puts_its_mass_near_its_mean()
    {
        var buckets = new LatentBuckets(10);
        var posterior = buckets.Posterior(1.2, 0.05, 24);
        var mode = Enumerable.Range(0, buckets.Count).MaxBy(posterior.Frequency);
        Assert.InRange(buckets.Centre(mode), 1.18, 1.22);
        // Mass within ±2σ is about 95.4%.
        var near = Enumerable.Range(0, buckets.Count).Where(b => Math.Abs(buckets.Centre(b) - 1.2) < 0.1).Sum(b => (double)posterior.Frequency(b));
        Assert.InRange(near / (1 << 24), 0.94, 0.97);
    }
}
