using TextVae.Decoding;

using static TorchSharp.torch;

namespace TextVae.Tests.Decoding;

public class InverseCdfSamplingTests
{
    [Fact]
    public void Draws_follow_the_row_distributions_and_never_pick_a_zero_probability_token()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(31);
        var probabilities = tensor(new float[,] { { 0.2f, 0f, 0.8f, 0f }, { 0f, 0f, 0f, 1f } }).repeat(20_000, 1); // [40000, 4]

        var draws = NextTokenChooser.SampleRows(probabilities, generator).view(20_000, 2); // [draws, rows]

        var first = draws[TensorIndex.Colon, 0];
        Assert.Equal(0, first.eq(1).sum().item<long>() + first.eq(3).sum().item<long>());
        Assert.InRange(first.eq(2).to(float32).mean().item<float>(), 0.79f, 0.81f);
        Assert.True(draws[TensorIndex.Colon, 1].eq(3).all().item<bool>());
    }
}
