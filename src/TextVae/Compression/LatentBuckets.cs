namespace TextVae.Compression;

/// <summary>
/// The discretised latent space of bits-back coding (Townsend et al. 2019, section 3.2): each dimension of
/// z ~ N(0, I) is cut into 2^bits buckets of equal prior mass, so coding a bucket under the prior costs exactly
/// <see cref="BucketBits"/> bits, and a bucket stands for the prior's quantile at its middle.
/// </summary>
public sealed class LatentBuckets
{
    private const double TailCutoff = 9; // |u| beyond this: Φ(u) is below 1e-19, far under one 2^-31 frequency unit

    private readonly double[] _edges; // [count + 1], ±∞ at the ends
    private readonly float[] _centres; // [count]

    public LatentBuckets(int bucketBits)
    {
        if (bucketBits is < 1 or > 20)
            throw new ArgumentOutOfRangeException(nameof(bucketBits), "latent buckets need 1 to 20 bits");
        BucketBits = bucketBits;
        var count = 1 << bucketBits;
        _edges = new double[count + 1];
        _edges[0] = double.NegativeInfinity;
        _edges[count] = double.PositiveInfinity;
        for (var i = 1; i < count; i++)
            _edges[i] = StandardNormal.InverseCdf((double)i / count);
        _centres = new float[count];
        for (var i = 0; i < count; i++)
            _centres[i] = (float)StandardNormal.InverseCdf((i + 0.5) / count);
    }

    public int BucketBits { get; }

    public int Count => _centres.Length;

    /// <summary>The value of z that bucket <paramref name="bucket"/> stands for.</summary>
    public float Centre(int bucket) => _centres[bucket];

    /// <summary>
    /// The posterior N(μ, σ²) of one dimension over the buckets, quantised. Each edge's normal probability is taken
    /// from the nearer tail (Φ below the mean, 1 − Φ above) so small buckets far from μ keep their digits.
    /// </summary>
    public FrequencyTable Posterior(double mean, double standardDeviation, int precisionBits)
    {
        if (!(standardDeviation > 0) || !double.IsFinite(mean) || !double.IsFinite(standardDeviation))
            throw new ArgumentException($"the posterior N({mean}, {standardDeviation}²) is not a proper normal distribution");
        // tail[i] = P(Z ≤ u_i) where u_i ≤ 0, else P(Z > u_i), with u_i = (edge_i − μ)/σ.
        var tail = new double[Count + 1];
        var upper = new bool[Count + 1];
        for (var i = 0; i <= Count; i++)
        {
            var u = (_edges[i] - mean) / standardDeviation;
            upper[i] = u > 0;
            tail[i] = Math.Abs(u) > TailCutoff ? 0 : StandardNormal.Cdf(-Math.Abs(u));
        }
        var masses = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            masses[i] = (upper[i], upper[i + 1]) switch
            {
                (false, false) => tail[i + 1] - tail[i],
                (true, true) => tail[i] - tail[i + 1],
                _ => 1 - tail[i] - tail[i + 1],
            };
            masses[i] = Math.Max(masses[i], 0);
        }
        return FrequencyTable.FromMasses(masses, precisionBits);
    }
}
