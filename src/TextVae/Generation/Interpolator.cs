using static TorchSharp.torch;

namespace TextVae.Generation;

/// <summary>
/// Points between two latent codes. Computed in float64 and written so that position 0 gives exactly the first code
/// and position 1 exactly the second, so the ends of a path decode as the inputs' reconstructions do.
/// </summary>
public static class Interpolator
{
    /// <param name="a">[latent]</param>
    /// <param name="b">[latent]</param>
    /// <param name="positions">[steps] fractions of the way from a to b.</param>
    /// <returns>[steps, latent] in a's dtype.</returns>
    public static Tensor Interpolate(Tensor a, Tensor b, Tensor positions, InterpolationPath mode) =>
        mode switch
        {
            InterpolationPath.Linear => Linear(a, b, positions),
            InterpolationPath.Slerp => Slerp(a, b, positions),
            _ => throw ConfigCheck.Undefined(mode, "mode"),
        };

    /// <summary>(1 − t)·a + t·b.</summary>
    public static Tensor Linear(Tensor a, Tensor b, Tensor positions)
    {
        var t = positions.to(float64).unsqueeze(1); // [steps, 1]
        return ((1 - t) * a.to(float64) + t * b.to(float64)).to(a.dtype); // [steps, latent]
    }

    /// <summary>
    /// sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b with Ω the angle between a and b: the path keeps to the shell where
    /// a Gaussian prior's mass lies instead of cutting through the low-norm middle. Falls back to the straight line when
    /// the angle is undefined or degenerate (a zero vector, parallel or opposite codes).
    /// </summary>
    public static Tensor Slerp(Tensor a, Tensor b, Tensor positions)
    {
        var a64 = a.to(float64);
        var b64 = b.to(float64);
        var normA = a64.norm().item<double>();
        var normB = b64.norm().item<double>();
        if (normA == 0 || normB == 0)
            return Linear(a, b, positions);
        var omega = Math.Acos(Math.Clamp(a64.dot(b64).item<double>() / (normA * normB), -1, 1));
        var sinOmega = Math.Sin(omega);
        if (sinOmega < 1e-6)
            return Linear(a, b, positions);
        var t = positions.to(float64).unsqueeze(1); // [steps, 1]
        var weightA = ((1 - t) * omega).sin() / sinOmega;
        var weightB = (t * omega).sin() / sinOmega;
        return (weightA * a64 + weightB * b64).to(a.dtype); // [steps, latent]
    }
}
