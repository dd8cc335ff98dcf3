using TextVae.Model;
using static TorchSharp.torch;

namespace TextVae.Tests.Model;

public class EvaluationModeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Evaluates_without_gradients_and_restores_the_mode_it_found(bool training)
    {
        using var layer = nn.Linear(2, 2);
        layer.train(training);

        using (new EvaluationMode(layer))
        {
            Assert.False(layer.training);
            Assert.False(is_grad_enabled());
        }

        Assert.Equal(training, layer.training);
        Assert.True(is_grad_enabled());
    }
}
