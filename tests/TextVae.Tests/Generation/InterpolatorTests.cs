using TextVae.Generation;
using static TorchSharp.torch;

namespace TextVae.Tests.Generation;

public class InterpolatorTests
{
    private static readonly Tensor A = tensor(new[] { 1f, -2f, 0.5f, 3f });
    private static readonly Tensor B = tensor(new[] { -0.5f, 1f, 2f, -1f });
    private static readonly Tensor Positions = tensor(new[] { 0.0, 0.25, 0.5, 1.0 });

    [Theory]
    [InlineData(InterpolationPath.Linear)]
    [InlineData(InterpolationPath.Slerp)]
    public void Endpoints_equal_the_inputs(InterpolationPath mode)
    {
        var path = Interpolator.Interpolate(A, B, Positions, mode);

        Assert.Equal([4, 4], path.shape);
        Assert.True(path[0].allclose(A, rtol: 0, atol: 1e-6));
        Assert.True(path[3].allclose(B, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Linear_midpoint_is_the_mean()
    {
        var path = Interpolator.Linear(A, B, Positions);

        Assert.True(path[2].allclose((A + B) / 2, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Slerp_between_codes_of_equal_norm_keeps_the_norm()
    {
        var b = B / B.norm() * A.norm();
        var norms = Interpolator.Slerp(A, b, Positions).norm(1);

        Assert.True(norms.allclose(full(4, A.norm().item<float>()), rtol: 1e-5, atol: 0));
    }

    [Fact]
    public void Slerp_of_parallel_codes_falls_back_to_the_line()
    {
        Assert.True(Interpolator.Slerp(A, 2 * A, Positions).allclose(Interpolator.Linear(A, 2 * A, Positions)));
        Assert.True(Interpolator.Slerp(zeros(4), B, Positions).allclose(Interpolator.Linear(zeros(4), B, Positions)));
    }
}
