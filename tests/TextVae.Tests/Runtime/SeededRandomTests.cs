using System.Text.RegularExpressions;
using TextVae.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace TextVae.Tests.Runtime;

/// <summary>
/// Seeded draws must land on the model's device. No CUDA device is needed to check it: libtorch's <c>meta</c> device
/// (shapes without data) is a second device, and a tensor left on the CPU cannot be combined with a meta tensor,
/// just as it cannot be with a CUDA one.
/// </summary>
public sealed partial class SeededRandomTests
{
    private static readonly Device Meta = new("meta");

    [Fact]
    public void Seeded_draws_are_made_on_the_requested_device()
    {
        using var scope = NewDisposeScope();
        using var generator = SeededRandom.NewGenerator(1);
        var onDevice = zeros(3, 4, device: Meta);

        var normal = SeededRandom.Normal([3, 4], Meta, generator);
        var uniform = SeededRandom.Uniform([3, 4], Meta, generator, ScalarType.Float64);

        Assert.Equal(DeviceType.META, normal.device_type);
        Assert.Equal(ScalarType.Float64, uniform.dtype);
        Assert.Equal([3L, 4], (onDevice + normal + uniform).shape);
        Assert.Equal(DeviceType.CPU, generator.device.type);
    }

    [Fact]
    public void A_seed_gives_the_same_numbers_whatever_the_device()
    {
        using var scope = NewDisposeScope();
        using var first = SeededRandom.NewGenerator(7);
        using var second = SeededRandom.NewGenerator(7);

        var drawn = SeededRandom.Normal([5], CPU, first);
        var direct = randn([5], generator: second); // what the same seed gives on the CPU

        Assert.Equal(direct.data<float>().ToArray(), drawn.data<float>().ToArray());
    }

    [Fact]
    public void Every_random_draw_of_the_library_goes_through_seeded_random()
    {
        // TorchSharp 0.107 makes every Generator a CPU generator, so a seeded draw made directly on a CUDA tensor
        // fails; a draw anywhere else would also escape the one place that keeps draws on the model's device.
        var library = RepositoryFiles.Get("src/TextVae");
        var offenders = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "SeededRandom.cs")
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(entry => RandomDraw().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(library, entry.path)}:{entry.number}: {entry.line.Trim()}")
            .ToArray();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(randn|rand|randint|randperm|bernoulli|multinomial|normal_|uniform_|rand_like|randn_like)\s*\(|new\s+Generator\s*\(")]
    private static partial Regex RandomDraw();
}
