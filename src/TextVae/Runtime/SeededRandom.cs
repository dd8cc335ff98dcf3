using static TorchSharp.torch;

namespace TextVae.Runtime;

/// <summary>
/// Every random draw of the library, on any device. TorchSharp 0.107 makes each <see cref="Generator"/> a CPU
/// generator whatever device it is given (its native constructor ignores the device), and libtorch refuses a CPU
/// generator for a CUDA tensor; so a seeded draw is made on the CPU and moved to the device, and a given seed gives
/// the same numbers on every device. Without a generator the device's own default generator draws in place.
/// </summary>
public static class SeededRandom
{
    /// <summary>A generator for <see cref="Normal"/> and <see cref="Uniform"/>: a CPU generator, whatever device the draws go to.</summary>
    public static Generator NewGenerator(ulong seed) => new(seed, CPU);

    /// <summary>Standard normal draws of <paramref name="shape"/> on <paramref name="device"/>.</summary>
    public static Tensor Normal(long[] shape, Device device, Generator? generator, ScalarType dtype = ScalarType.Float32) =>
        generator is null
            ? randn(shape, dtype, device)
            : randn(shape, dtype, CPU, generator: generator).to(device);

    /// <summary>Uniform draws in [0, 1) of <paramref name="shape"/> on <paramref name="device"/>.</summary>
    public static Tensor Uniform(long[] shape, Device device, Generator? generator, ScalarType dtype = ScalarType.Float32) =>
        generator is null
            ? rand(shape, dtype, device)
            : rand(shape, dtype, CPU, generator: generator).to(device);
}
