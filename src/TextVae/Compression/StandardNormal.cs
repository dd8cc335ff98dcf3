namespace TextVae.Compression;

/// <summary>
/// The standard normal distribution function Φ and its inverse in plain double arithmetic (no platform erf), so
/// the latent code's bucket edges and posterior probabilities are the same numbers in the encoder and the decoder.
/// Accurate to about 1e-15 absolute, far finer than the 2^-24 quantisation that follows.
/// </summary>
public static class StandardNormal
{
    private const double SeriesLimit = 2.5; // below: erf's series; above: erfc's continued fraction converges fast
    private const int ContinuedFractionTerms = 120;

    /// <summary>Φ(x) = P(Z ≤ x) = erfc(−x/√2) / 2.</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p) by bisection on <see cref="Cdf"/>, so that Cdf(InverseCdf(p)) ≈ p in exactly this arithmetic.</summary>
    public static double InverseCdf(double p)
    {
        if (!(p > 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), "Φ⁻¹ needs 0 < p < 1");
        double low = -40, high = 40;
        for (var i = 0; i < 200 && high - low > 0; i++)
        {
            var middle = 0.5 * (low + high);
            if (middle <= low || middle >= high)
                break;
            if (Cdf(middle) < p)
                low = middle;
            else
                high = middle;
        }
        return 0.5 * (low + high);
    }

    /// <summary>The complementary error function erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        if (x < 0)
            return 2 - Erfc(-x);
        if (x < SeriesLimit)
            return 1 - Erf(x);
        if (x > 27)
            return 0; // below the smallest double
        // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the tail.
        var tail = x;
        for (var n = ContinuedFractionTerms; n >= 1; n--)
            tail = x + 0.5 * n / tail;
        return Math.Exp(-x * x) / (Math.Sqrt(Math.PI) * tail);
    }

    /// <summary>erf(x) for 0 ≤ x &lt; 2.5 by the series 2/√π · e^{−x²} · Σ 2^n x^{2n+1} / (1·3·…·(2n+1)), whose terms are all positive.</summary>
    private static double Erf(double x)
    {
        var term = x;
        var sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17)
                break;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }
}
