using static TorchSharp.torch;

namespace TextVae.Generation;

/// <summary>Principal component analysis by the eigendecomposition of the covariance, for drawing latent codes in 2-D.</summary>
public static class PrincipalComponents
{
    /// <param name="points">[n, dimensions]</param>
    /// <returns>
    /// [n, components] coordinates on the leading principal axes (float64; zero columns where the data has fewer
    /// dimensions), and the fraction of the total variance along each axis.
    /// </returns>
    public static (Tensor Coordinates, double[] ExplainedVariance) Project(Tensor points, int components = 2)
    {
        using var scope = NewDisposeScope();
        var axes = Fit(points, components);
        var x = points.to(float64);
        var centered = x - tensor(axes.Mean, device: x.device).unsqueeze(0); // [n, dimensions]
        var directions = tensor(axes.Axes.SelectMany(axis => axis).ToArray(), [components, x.shape[1]], device: x.device); // [components, dimensions]
        var coordinates = centered.matmul(directions.T); // [n, components]
        return (coordinates.MoveToOuterDisposeScope(), axes.ExplainedVariance);
    }

    /// <summary>The mean and the leading <paramref name="components"/> axes of <paramref name="points"/> [n, dimensions].</summary>
    public static PrincipalAxes Fit(Tensor points, int components = 2)
    {
        using var scope = NewDisposeScope();
        var x = points.to(float64);
        var (n, dimensions) = (x.shape[0], x.shape[1]);
        var mean = x.mean([0], keepdim: true); // [1, dimensions]
        var centered = x - mean; // [n, dimensions]
        var covariance = centered.T.matmul(centered) / Math.Max(1, n - 1); // [dimensions, dimensions]
        var (values, vectors) = linalg.eigh(covariance); // ascending eigenvalues
        var kept = (int)Math.Min(components, dimensions);
        var order = arange(dimensions - 1, dimensions - 1 - kept, -1, dtype: int64, device: x.device);
        var axes = vectors.index_select(1, order); // [dimensions, kept]
        // An eigenvector's sign is arbitrary: make each axis's largest loading positive so pictures do not mirror between runs.
        var largest = axes.abs().argmax(0, keepdim: true); // [1, kept]
        axes = axes * axes.gather(0, largest).sign().masked_fill(axes.gather(0, largest).eq(0), 1);
        var loadings = axes.T.contiguous().cpu().data<double>().ToArray(); // row-major [kept, dimensions]
        var rows = Enumerable.Range(0, components)
            .Select(c => c < kept ? loadings[(c * (int)dimensions)..((c + 1) * (int)dimensions)] : new double[dimensions])
            .ToArray();
        var total = values.clamp_min(0).sum().item<double>();
        var explained = values.index_select(0, order).clamp_min(0).cpu().data<double>().Select(v => total > 0 ? v / total : 0)
            .Concat(Enumerable.Repeat(0.0, components - kept)).ToArray();
        return new PrincipalAxes(mean.squeeze(0).cpu().data<double>().ToArray(), rows, explained);
    }
}
