using static TorchSharp.torch;

namespace TextVae.Generation;

/// <summary>
/// Corpus sentences' posterior means seen through their two leading principal axes: each sentence a point on a
/// plane, and every point of the plane a latent code again (<see cref="Lift"/>), so a cursor on the map can be decoded.
/// Immutable, so the UI thread draws it while the worker lifts and searches it.
/// </summary>
public sealed class LatentMap
{
    private readonly float[] _means; // row-major [sentences, latent]
    private readonly double[] _x;
    private readonly double[] _y;

    /// <param name="means">Posterior means, row-major [sentences, latent].</param>
    public LatentMap(string corpus, IReadOnlyList<LatentMapSentence> sentences, float[] means, int latentSize)
    {
        if (sentences.Count == 0)
            throw new TextVaeException($"{corpus}: there are no sentences to map");
        if (means.Length != sentences.Count * latentSize)
            throw new ArgumentException($"expected {sentences.Count} × {latentSize} numbers, got {means.Length}", nameof(means));
        Corpus = corpus;
        Sentences = sentences;
        LatentSize = latentSize;
        _means = means;
        using (var scope = NewDisposeScope())
            Axes = PrincipalComponents.Fit(tensor(means, [sentences.Count, latentSize]));
        _x = new double[sentences.Count];
        _y = new double[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
            (_x[i], _y[i]) = Project(Mean(i));
    }

    /// <summary>The corpus file the sentences came from.</summary>
    public string Corpus { get; }

    public IReadOnlyList<LatentMapSentence> Sentences { get; }

    public int LatentSize { get; }

    /// <summary>The corpus mean and its first two principal axes: the map's origin and its x and y directions.</summary>
    public PrincipalAxes Axes { get; }

    /// <summary>The sentences' map coordinates along the first and second principal axes.</summary>
    public IReadOnlyList<double> X => _x;

    public IReadOnlyList<double> Y => _y;

    /// <summary>Sentence <paramref name="index"/>'s posterior mean, [latent].</summary>
    public float[] Mean(int index) => _means[(index * LatentSize)..((index + 1) * LatentSize)];

    /// <summary>The code's coordinates along the two principal axes, relative to the corpus mean.</summary>
    public (double X, double Y) Project(IReadOnlyList<float> z)
    {
        double x = 0, y = 0;
        for (var d = 0; d < LatentSize; d++)
        {
            var centred = z[d] - Axes.Mean[d];
            x += centred * Axes.Axes[0][d];
            y += centred * Axes.Axes[1][d];
        }
        return (x, y);
    }

    /// <summary>
    /// The spread on the map of a posterior N(μ, diag σ²): the 2 × 2 covariance Aᵀ diag(σ²) A of its projection,
    /// as (var x, cov xy, var y).
    /// </summary>
    public (double Xx, double Xy, double Yy) ProjectVariance(IReadOnlyList<float> variance)
    {
        double xx = 0, xy = 0, yy = 0;
        for (var d = 0; d < LatentSize; d++)
        {
            var (a, b) = (Axes.Axes[0][d], Axes.Axes[1][d]);
            xx += variance[d] * a * a;
            xy += variance[d] * a * b;
            yy += variance[d] * b * b;
        }
        return (xx, xy, yy);
    }

    /// <summary>A latent code whose projection is (<paramref name="x"/>, <paramref name="y"/>), with the other directions taken as <paramref name="mode"/> says.</summary>
    public float[] Lift(double x, double y, LiftMode mode)
    {
        var (origin, dx, dy) = (Axes.Mean, x, y);
        if (mode == LiftMode.Nearest)
        {
            var nearest = NearestOnMap(x, y);
            (origin, dx, dy) = (Array.ConvertAll(Mean(nearest), v => (double)v), x - _x[nearest], y - _y[nearest]);
        }
        var z = new float[LatentSize];
        for (var d = 0; d < LatentSize; d++)
            z[d] = (float)(origin[d] + dx * Axes.Axes[0][d] + dy * Axes.Axes[1][d]);
        return z;
    }

    /// <summary>The sentence whose map point is nearest (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public int NearestOnMap(double x, double y)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < _x.Length; i++)
        {
            var distance = (_x[i] - x) * (_x[i] - x) + (_y[i] - y) * (_y[i] - y);
            if (distance < bestDistance)
                (best, bestDistance) = (i, distance);
        }
        return best;
    }

    /// <summary>The <paramref name="k"/> sentences whose posterior means are nearest <paramref name="z"/> in the full latent space (Euclidean), nearest first.</summary>
    public IReadOnlyList<Neighbour> Nearest(IReadOnlyList<float> z, int k)
    {
        var distances = new double[Sentences.Count];
        for (var i = 0; i < distances.Length; i++)
        {
            double sum = 0;
            for (var d = 0; d < LatentSize; d++)
            {
                var difference = (double)_means[i * LatentSize + d] - z[d];
                sum += difference * difference;
            }
            distances[i] = Math.Sqrt(sum);
        }
        return Enumerable.Range(0, distances.Length)
            .OrderBy(i => distances[i])
            .Take(k)
            .Select(i => new Neighbour(Sentences[i].Text, Sentences[i].LineNumber, distances[i]))
            .ToArray();
    }
}
