using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Decoding;
using static TorchSharp.torch;

namespace TextVae.Tests.Model;

public class SentenceVaeTests
{
    public static TheoryData<CellKind, CellKind> Architectures => new()
    {
        { CellKind.Lstm, CellKind.Lstm },
        { CellKind.Gru, CellKind.Gru },
        { CellKind.Transformer, CellKind.Transformer },
    };

    [Theory]
    [InlineData(CellKind.Lstm, EncoderPooling.Mean, true)]
    [InlineData(CellKind.Gru, EncoderPooling.Mean, true)]
    [InlineData(CellKind.Lstm, EncoderPooling.Mean, false)]
    [InlineData(CellKind.Gru, EncoderPooling.Mean, false)]
    [InlineData(CellKind.Transformer, EncoderPooling.Mean, true)]
    [InlineData(CellKind.Transformer, EncoderPooling.Summary, true)]
    public void Padding_does_not_reach_the_encoder_summary(CellKind encoder, EncoderPooling pooling, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var model = new SentenceVae(TinyBatches.Options(encoder) with { Pooling = pooling, Bidirectional = bidirectional });
        model.eval();
        var alone = TinyBatches.Of([4, 5, 6]);
        var padded = TinyBatches.Of([4, 5, 6], [7, 8, 9, 10, 11, 12, 13, 14, 15, 16]); // the first row gets 7 pads

        var (muAlone, _) = model.Encode(SentenceVae.Split(alone.Tokens).EncoderInput, alone.Lengths);
        var (muPadded, _) = model.Encode(SentenceVae.Split(padded.Tokens).EncoderInput, padded.Lengths);

        Assert.True(muAlone[0].allclose(muPadded[0], rtol: 1e-4, atol: 1e-5), $"{encoder}/{pooling}/bidirectional {bidirectional}: the summary changed with padding");
    }

    [Theory]
    [InlineData(CellKind.Lstm, false, true)]
    [InlineData(CellKind.Gru, true, true)]
    [InlineData(CellKind.Transformer, false, true)]
    [InlineData(CellKind.Transformer, true, false)]
    [InlineData(CellKind.Transformer, true, true)]
    public void The_decoder_never_sees_future_tokens(CellKind decoder, bool latentToEveryStep, bool latentAsMemory)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new SentenceVae(TinyBatches.Options(decoder: decoder) with { LatentToEveryStep = latentToEveryStep, LatentAsMemory = latentAsMemory });
        model.eval();
        var z = randn(1, 8);
        var first = tensor(new long[] { SpecialTokens.Bos, 4, 5, 6, 7 }).unsqueeze(0);
        var changedFuture = tensor(new long[] { SpecialTokens.Bos, 4, 5, 20, 21 }).unsqueeze(0);

        var a = model.Logits(model.Decode(z, first)); // [1, 5, vocabulary]
        var b = model.Logits(model.Decode(z, changedFuture));

        Assert.True(a[0, TensorIndex.Slice(0, 3)].allclose(b[0, TensorIndex.Slice(0, 3)], rtol: 1e-4, atol: 1e-5), "positions before the change moved");
        Assert.False(a[0, 4].allclose(b[0, 4]), "the position after the change did not move");
    }

    [Theory]
    [InlineData(CellKind.Lstm, false, true, false)]
    [InlineData(CellKind.Gru, true, true, true)]
    [InlineData(CellKind.Transformer, false, true, false)]
    [InlineData(CellKind.Transformer, true, false, true)]
    [InlineData(CellKind.Transformer, true, true, false)]
    public void Step_by_step_decoding_gives_the_teacher_forced_logits(CellKind decoder, bool latentToEveryStep, bool latentAsMemory, bool tied)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = new SentenceVae(TinyBatches.Options(decoder: decoder) with
        {
            LatentToEveryStep = latentToEveryStep,
            LatentAsMemory = latentAsMemory,
            TieEmbeddings = tied,
            DecoderLayers = 2,
        });
        model.eval();
        var z = randn(2, 8);
        var inputs = tensor(new long[,] { { SpecialTokens.Bos, 4, 5, 6 }, { SpecialTokens.Bos, 9, 8, 7 } }); // [2, 4]

        var whole = model.Logits(model.Decode(z, inputs)); // [2, 4, vocabulary]
        var state = model.StartDecoding(z);
        for (var t = 0; t < 4; t++)
        {
            var (logits, next) = model.DecodeStep(inputs[TensorIndex.Colon, t], state);
            Assert.True(logits.allclose(whole[TensorIndex.Colon, t], rtol: 1e-4, atol: 1e-5), $"{decoder}: step {t} differs");
            state = next;
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Gradients_reach_every_parameter(CellKind encoder, CellKind decoder)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        foreach (var tied in new[] { false, true })
        {
            using var model = new SentenceVae(TinyBatches.Options(encoder, decoder) with { TieEmbeddings = tied, LatentToEveryStep = true });
            model.train();
            var loss = model.Loss(TinyBatches.Of(TinyBatches.Eight), klWeight: 1, new ObjectiveOptions());
            loss.Loss.backward();

            foreach (var (name, parameter) in model.named_parameters())
            {
                Assert.NotNull(parameter.grad);
                Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{encoder}/{decoder} tied={tied}: no gradient reaches {name}");
            }
        }
    }

    [Fact]
    public void A_tiny_model_overfits_eight_sentences()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var model = new SentenceVae(TinyBatches.Options() with { HiddenSize = 64, LatentSize = 16 });
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var objective = new ObjectiveOptions();
        model.train();
        for (var step = 0; step < 300; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            // A small KL weight lets z carry the sentence, as annealing does early in training.
            model.Loss(batch, klWeight: 0.01, objective).Loss.backward();
            optimizer.step();
        }

        model.eval();
        var (mu, _) = model.Encode(SentenceVae.Split(batch.Tokens).EncoderInput, batch.Lengths);
        var reconstruction = model.Loss(batch, klWeight: 0, objective).Reconstruction.item<float>();
        var decoded = SentenceDecoding.Decode(model, mu, new DecodingOptions { MaxLength = 10 });

        Assert.True(reconstruction < 0.5, $"reconstruction NLL {reconstruction} nats per sentence");
        for (var i = 0; i < TinyBatches.Eight.Length; i++)
            Assert.Equal(TinyBatches.Eight[i], decoded[i].Ids);
    }

    [Fact]
    public void Reconstruction_sums_over_real_tokens_and_averages_over_sentences()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = new SentenceVae(TinyBatches.Options());
        model.eval();
        var batch = TinyBatches.Of([4, 5], [6, 7, 8, 9]);
        var (decoderInput, targets, encoderInput) = SentenceVae.Split(batch.Tokens);
        var (mu, _) = model.Encode(encoderInput, batch.Lengths);

        var perSentence = model.ReconstructionNll(mu, decoderInput, targets, batch.Lengths);
        var logProbabilities = nn.functional.log_softmax(model.Logits(model.Decode(mu, decoderInput)), 2);
        var expectedFirst = -(logProbabilities[0, 0, 4] + logProbabilities[0, 1, 5] + logProbabilities[0, 2, SpecialTokens.Eos]).item<float>();

        Assert.Equal(expectedFirst, perSentence[0].item<float>(), 4);
        Assert.Equal(perSentence.mean().item<float>(), model.Loss(batch, 0, new ObjectiveOptions()).Reconstruction.item<float>(), 4);
    }

    [Fact]
    public void Free_bits_floor_each_dimension_but_the_reported_kl_stays_true()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var model = new SentenceVae(TinyBatches.Options());
        model.eval();
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var plain = model.Loss(batch, klWeight: 1, new ObjectiveOptions());
        var floored = model.Loss(batch, klWeight: 1, new ObjectiveOptions { FreeBits = 100 });
        var belowFloor = model.Loss(batch, klWeight: 1, new ObjectiveOptions { FreeBits = 1e-9 });

        Assert.Equal(plain.Kl.item<float>(), floored.Kl.item<float>(), 5);
        Assert.Equal(plain.Reconstruction.item<float>() + 100 * 8, floored.Loss.item<float>(), 2);
        Assert.Equal(plain.Loss.item<float>(), belowFloor.Loss.item<float>(), 4);
    }

    [Fact]
    public void A_model_built_without_validation_refuses_a_cell_it_does_not_know()
    {
        var error = Assert.Throws<InvalidParameterException>(() => new SentenceVae(TinyBatches.Options(decoder: (CellKind)7)));

        Assert.Equal("model.decoder", error.Parameter);
    }

    [Fact]
    public void Options_validation_names_the_field()
    {
        var error = Assert.ThrowsAny<TextVaeException>(() => (TinyBatches.Options() with { Encoder = (CellKind)7 }).Validate());
        Assert.StartsWith("model.encoder", error.Message);
        Assert.Contains("lstm, gru, transformer", error.Message);

        error = Assert.ThrowsAny<TextVaeException>(() => (TinyBatches.Options(CellKind.Transformer, CellKind.Transformer) with { HiddenSize = 33 }).Validate());
        Assert.Contains("model.transformerHeads", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bfloat16_projection_trains_close_to_float32_and_evaluation_stays_float32(bool tied)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = new SentenceVae(TinyBatches.Options() with { TieEmbeddings = tied, OutputDropout = 0 });
        var hidden = randn(12, 32);
        model.train();
        var float32 = model.Logits(hidden);
        model.TrainingProjection = ProjectionPrecision.Bfloat16;
        var bfloat16 = model.Logits(hidden);
        model.eval();
        var evaluated = model.Logits(hidden);

        Assert.Equal(ScalarType.Float32, bfloat16.dtype);
        Assert.False(bfloat16.eq(float32).all().item<bool>(), "the bfloat16 projection gave float32's logits bit for bit: it did not round");
        Assert.True(bfloat16.allclose(float32, rtol: 0.05, atol: 0.02), "the bfloat16 logits are far from float32's");
        Assert.True(evaluated.eq(float32).all().item<bool>(), "evaluation mode must compute the projection in float32");

        model.train();
        model.Loss(TinyBatches.Of(TinyBatches.Eight), klWeight: 1, new ObjectiveOptions()).Loss.backward();
        var weight = model.named_parameters().First(p => p.name.EndsWith(tied ? "embedding.weight" : "output.weight", StringComparison.Ordinal)).parameter;
        Assert.Equal(ScalarType.Float32, weight.grad!.dtype);
        Assert.True(weight.grad.abs().sum().item<float>() > 0);
    }
}
