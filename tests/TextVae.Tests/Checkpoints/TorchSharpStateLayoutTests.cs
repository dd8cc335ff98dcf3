using TextVae.Checkpoints;
using TextVae.Configuration;
using TextVae.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Tests.Checkpoints;

public class TorchSharpStateLayoutTests
{
    private static readonly ModelOptions Options = new()
    {
        VocabularySize = 6,
        EmbeddingSize = 4,
        HiddenSize = 4,
        LatentSize = 2,
        Encoder = CellKind.Gru,
        Decoder = CellKind.Gru,
    };

    [Theory]
    [InlineData("adam")]
    [InlineData("sgd")]
    public void Accepts_what_TorchSharp_saved_for_the_same_model(string kind)
    {
        using var model = new SentenceVae(Options);
        using var optimizer = Optimizer(kind, model);
        var weights = Weights(model);
        var state = State(optimizer);

        TorchSharpStateLayout.CheckWeights(weights, model.state_dict());
        TorchSharpStateLayout.CheckOptimizer(state, optimizer);
    }

    [Fact]
    public void Refuses_an_AMSGrad_buffer_whose_header_claims_another_dtype_before_libtorch_sees_it()
    {
        using var model = new SentenceVae(Options);
        using var optimizer = Optimizer("adam", model);
        var state = State(optimizer);
        // The last parameter's state ends with the AMSGrad flag (0); claim a buffer follows, with dtype code 99.
        byte[] hostile = [.. state[..^1], 1, 99, 1, 4, .. new byte[16]];

        var error = Assert.Throws<InvalidDataException>(() => TorchSharpStateLayout.CheckOptimizer(hostile, optimizer));
        Assert.Contains("dtype code 99", error.Message);
    }

    [Fact]
    public void Refuses_weights_of_another_shape_truncated_weights_and_trailing_bytes()
    {
        using var model = new SentenceVae(Options);
        using var wider = new SentenceVae(Options with { HiddenSize = 6 });
        var weights = Weights(model);

        Assert.Contains("shape", Assert.Throws<InvalidDataException>(() => TorchSharpStateLayout.CheckWeights(Weights(wider), model.state_dict())).Message);
        Assert.Throws<EndOfStreamException>(() => TorchSharpStateLayout.CheckWeights(weights[..^3], model.state_dict()));
        Assert.Contains("after the last tensor", Assert.Throws<InvalidDataException>(() => TorchSharpStateLayout.CheckWeights([.. weights, 0], model.state_dict())).Message);
    }

    [Fact]
    public void Refuses_the_state_of_another_optimizer_kind()
    {
        using var model = new SentenceVae(Options);
        using var adam = Optimizer("adam", model);
        using var sgd = Optimizer("sgd", model);

        Assert.Contains("Adam optimizer, not SGD", Assert.Throws<InvalidDataException>(() => TorchSharpStateLayout.CheckOptimizer(State(adam), sgd)).Message);
    }

    private static OptimizerHelper Optimizer(string kind, SentenceVae model) =>
        kind == "adam" ? optim.Adam(model.parameters()) : optim.SGD(model.parameters(), 0.1, momentum: 0.9);

    private static byte[] Weights(SentenceVae model)
    {
        using var stream = new MemoryStream();
        model.save(stream);
        return stream.ToArray();
    }

    private static byte[] State(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            optimizer.save_state_dict(writer);
        return stream.ToArray();
    }
}
