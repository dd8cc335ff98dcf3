using TextVae.Generation;

namespace TextVae.Tests.Generation;

/// <summary>The map's geometry on codes with a known shape: points spread along two latent directions, a little noise in the others.</summary>
public sealed class LatentMapTests : IDisposable
{
    private const int Latent = 4;
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void A_lifted_point_projects_back_to_where_it_was_taken()
    {
        var map = Map(200);

        foreach (var mode in Enum.GetValues<LiftMode>())
        {
            var (x, y) = map.Project(map.Lift(1.25, -0.5, mode));
            Assert.Equal(1.25, x, 4);
            Assert.Equal(-0.5, y, 4);
        }
    }

    [Fact]
    public void Lifting_at_the_mean_fills_the_unseen_axes_with_the_corpus_mean_and_at_the_nearest_with_its_code()
    {
        var map = Map(200);
        var atMean = map.Lift(0, 0, LiftMode.Mean);
        Assert.Equal(map.Axes.Mean, atMean.Select(v => (double)v), new Tolerance(1e-5));

        var point = 17;
        var atPoint = map.Lift(map.X[point], map.Y[point], LiftMode.Nearest);
        Assert.Equal(map.Mean(point), atPoint, new Tolerance(1e-5));
    }

    [Fact]
    public void The_first_axis_follows_the_widest_spread_and_neighbours_come_nearest_first()
    {
        var map = Map(200);
        Assert.True(map.Axes.ExplainedVariance[0] > map.Axes.ExplainedVariance[1]);
        Assert.True(Math.Abs(map.Axes.Axes[0][0]) > 0.99); // the codes spread most along latent dimension 0

        var neighbours = map.Nearest(map.Mean(5), 4);
        Assert.Equal("sentence 5", neighbours[0].Text);
        Assert.Equal(0, neighbours[0].Distance, 6);
        Assert.True(neighbours.Zip(neighbours.Skip(1)).All(pair => pair.First.Distance <= pair.Second.Distance));
    }

    [Fact]
    public void The_projected_spread_of_a_posterior_follows_the_axes()
    {
        var map = Map(200);
        var (xx, xy, yy) = map.ProjectVariance([4f, 1f, 0f, 0f]);
        // The sample's axes tilt a little away from the latent dimensions, hence the tolerance.
        Assert.InRange(xx, 3.9, 4.0);
        Assert.InRange(yy, 0.9, 1.1);
        Assert.InRange(xy, -0.1, 0.1);
    }

    [Fact]
    public void A_large_corpus_is_sampled_reproducibly_in_file_order_without_repeats()
    {
        var corpus = _directory.Write("corpus.txt", [.. Enumerable.Range(0, 500).Select(i => $"line {i % 400}")]);
        var options = new LatentMapOptions { MaxSentences = 50, Seed = 3 };

        var sample = LatentMapBuilder.Sample(corpus, options);

        Assert.Equal(50, sample.Count);
        Assert.Equal(sample.Select(line => line.Number).Order(), sample.Select(line => line.Number));
        Assert.Equal(50, sample.Select(line => line.Text).Distinct().Count());
        Assert.Equal(sample, LatentMapBuilder.Sample(corpus, options));
        Assert.NotEqual(sample, LatentMapBuilder.Sample(corpus, options with { Seed = 4 }));
        Assert.Equal(400, LatentMapBuilder.Sample(corpus, new LatentMapOptions()).Count);
    }

    [Fact]
    public void The_cache_round_trips_and_its_key_follows_the_checkpoint_and_the_corpus()
    {
        var checkpoint = _directory.WriteBytes("model.tvae", [.. Enumerable.Range(0, 64).Select(i => (byte)i)]);
        var corpus = _directory.Write("corpus.txt", "a b c", "d e f");
        var options = new LatentMapOptions();
        var path = LatentMapCache.PathFor(checkpoint, corpus, options);
        Assert.Equal(_directory.Path, Path.GetDirectoryName(path));
        var map = Map(50);

        LatentMapCache.Write(path, map);
        var read = LatentMapCache.TryRead(path, corpus)!;

        Assert.Equal(map.Sentences, read.Sentences);
        Assert.Equal(map.X, read.X);
        Assert.Equal(map.Mean(49), read.Mean(49));
        Assert.NotEqual(path, LatentMapCache.PathFor(checkpoint, corpus, options with { MaxSentences = 10 }));
        File.AppendAllText(corpus, "g h i\n");
        Assert.NotEqual(path, LatentMapCache.PathFor(checkpoint, corpus, options));
        var changed = File.ReadAllBytes(checkpoint);
        changed[^1] ^= 1;
        File.WriteAllBytes(checkpoint, changed);
        Assert.NotEqual(LatentMapCache.PathFor(checkpoint, _directory.Write("again.txt", "a b c", "d e f"), options), path);
    }

    [Fact]
    public void A_damaged_cache_is_read_as_absent()
    {
        var path = _directory.File("damaged.codes");
        LatentMapCache.Write(path, Map(30));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Null(LatentMapCache.TryRead(path, "corpus"));
        Assert.Null(LatentMapCache.TryRead(_directory.File("absent.codes"), "corpus"));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Codes spread with standard deviation 3 along dimension 0, 1 along dimension 1, 0.1 along the rest, around (1, 2, 3, 4).</summary>
    private static LatentMap Map(int count)
    {
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var scales = new[] { 3.0, 1.0, 0.1, 0.1 };
        var means = Enumerable.Range(0, count).SelectMany(_ => scales.Select((scale, d) => (float)(d + 1 + scale * Normal()))).ToArray();
        var sentences = Enumerable.Range(0, count).Select(i => new LatentMapSentence($"sentence {i}", i + 1, 3 + i % 5, 2.5 + i % 3)).ToArray();
        return new LatentMap("corpus", sentences, means, Latent);
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>, IEqualityComparer<float>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
        public int GetHashCode(float obj) => 0;
    }
}
