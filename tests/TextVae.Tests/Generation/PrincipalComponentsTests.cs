using TextVae.Generation;
using static TorchSharp.torch;

namespace TextVae.Tests.Generation;

public class PrincipalComponentsTests
{
    [Fact]
    public void The_first_axis_follows_the_largest_spread()
    {
        // Points spread 10× more along (1, 1, 0)/√2 than along (0, 0, 1), none along (1, −1, 0)/√2.
        var generator = new Generator(3, CPU);
        var along = randn([200, 1], generator: generator) * 10;
        var across = randn([200, 1], generator: generator);
        var points = cat([along / Math.Sqrt(2), along / Math.Sqrt(2), across], 1) + 5;

        var (coordinates, explained) = PrincipalComponents.Project(points);

        Assert.Equal([200, 2], coordinates.shape);
        // The sign convention makes the largest loading positive, so PC1 is +(along − mean), up to sampling tilt.
        var expected = (along.squeeze(1) - along.mean()).to(float64);
        Assert.True((coordinates[TensorIndex.Colon, 0] - expected).abs().max().item<double>() < 0.1);
        Assert.True(explained[0] > 0.95 && explained[1] > 0 && explained[0] + explained[1] <= 1 + 1e-9);
    }

    [Fact]
    public void Fewer_dimensions_than_components_give_zero_columns()
    {
        var (coordinates, explained) = PrincipalComponents.Project(tensor(new[] { 1f, 2f, 4f }).unsqueeze(1));

        Assert.Equal([3, 2], coordinates.shape);
        Assert.Equal(0, coordinates[TensorIndex.Colon, 1].abs().sum().item<double>());
        Assert.Equal([1.0, 0.0], explained);
    }
}
