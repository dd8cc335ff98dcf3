using TextVae.Data;
using TextVae.Model;
using TextVae.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Tests.Model;

/// <summary>The remedies of issue 20 at model level: the language-model baseline, both free-bits floors, pretraining in the schedule, the decoder reset and aggressive encoder updates.</summary>
public class LatentRemedyTests
{
    [Theory]
    [InlineData(CellKind.Gru)]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Transformer)]
    public void A_model_without_latent_code_is_a_language_model_whose_bound_is_exact(CellKind decoder)
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        using var model = new SentenceVae(TinyBatches.Options(decoder: decoder) with { LatentSize = 0, LatentToEveryStep = true });
        using var vae = new SentenceVae(TinyBatches.Options(decoder: decoder));
        model.eval();
        var batch = TinyBatches.Of(TinyBatches.Eight);

        var loss = model.Loss(batch, 1, new ObjectiveOptions { FreeBits = 0.5 });
        var (mu, logVar) = model.Encode(SentenceVae.Split(batch.Tokens).EncoderInput, batch.Lengths);
        var logMarginal = TextVae.Evaluation.ImportanceWeightedBound.LogMarginal(mu, logVar, z => model.LogLikelihood(z, batch), samples: 3, chunk: 2);

        Assert.Empty(model.EncoderParameters());
        Assert.True(model.parameters().Sum(p => p.numel()) < vae.parameters().Sum(p => p.numel()));
        Assert.Equal(new long[] { 8, 0 }, mu.shape);
        Assert.Equal(0f, loss.Kl.item<float>());
        Assert.Equal(loss.Reconstruction.item<float>(), loss.Loss.item<float>());
        Assert.Equal(-loss.Reconstruction.item<float>(), (float)logMarginal.mean().item<double>(), 3);
    }

    [Fact]
    public void Free_bits_per_sentence_floor_each_sentence_while_the_batch_variant_floors_dimension_means()
    {
        using var scope = NewDisposeScope();
        // Sentence 0 has KL 0.5 in each of 2 dimensions (1 nat in total), sentence 1 has 3 nats in each (6 in total).
        var kl = tensor(new float[,] { { 0.5f, 0.5f }, { 3f, 3f } }).requires_grad_();

        var perSentence = FreeBits.KlTerm(kl, new ObjectiveOptions { FreeBitsPerSentence = 2 });
        perSentence.backward();
        var perSentenceGradient = kl.grad!.clone();
        kl.grad!.zero_();
        var perDimension = FreeBits.KlTerm(kl, new ObjectiveOptions { FreeBits = 1 });
        perDimension.backward();

        Assert.Equal((2f + 6f) / 2, perSentence.item<float>());
        Assert.Equal(0f, perSentenceGradient[0].abs().sum().item<float>()); // below its target: no pressure on sentence 0
        Assert.Equal(0.5f, perSentenceGradient[1, 0].item<float>());
        Assert.Equal(1.75f * 2, perDimension.item<float>()); // each dimension's mean, 1.75, is above λ = 1
        Assert.Equal(0.5f, kl.grad![0, 0].item<float>()); // sentence 0 is pushed down through the batch mean
        Assert.Equal(3.5f, FreeBits.KlTerm(kl, new ObjectiveOptions()).item<float>());
    }

    [Fact]
    public void The_loss_is_reconstruction_plus_the_weight_times_the_floored_kl()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        using var model = new SentenceVae(TinyBatches.Options());
        model.eval();
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var objective = new ObjectiveOptions { FreeBitsPerSentence = 50 };

        var terms = model.Loss(batch, 0.3, objective);

        Assert.Equal(50f, terms.KlTerm.item<float>(), 4); // every sentence of an untrained model is far below 50 nats
        Assert.True(terms.Kl.item<float>() < 50);
        Assert.Equal(terms.Reconstruction.item<float>() + 0.3f * 50f, terms.Loss.item<float>(), 3);
    }

    [Fact]
    public void The_bag_of_words_loss_adds_the_words_nll_under_a_softmax_from_z_and_reaches_the_encoder()
    {
        using var scope = NewDisposeScope();
        manual_seed(25);
        using var plain = new SentenceVae(TinyBatches.Options());
        using var model = new SentenceVae(TinyBatches.Options() with { BagOfWords = true });
        model.load_state_dict(plain.state_dict(), strict: false);
        plain.eval();
        model.eval();
        var batch = TinyBatches.Of(TinyBatches.Eight);

        var without = plain.Loss(batch, 1, new ObjectiveOptions());
        var with = model.Loss(batch, 1, new ObjectiveOptions());
        var extra = with.Loss.item<float>() - without.Loss.item<float>();
        with.Loss.backward();

        Assert.Equal(without.Reconstruction.item<float>(), with.Reconstruction.item<float>());
        // An untrained head spreads its mass over the vocabulary: about log V nats per target token.
        var tokensPerSentence = (float)batch.TargetTokenCount / batch.Size;
        Assert.InRange(extra / tokensPerSentence, 0.8 * Math.Log(TinyBatches.Vocabulary), 1.2 * Math.Log(TinyBatches.Vocabulary));
        Assert.All(model.EncoderParameters(), p => Assert.True(p.grad!.abs().sum().item<float>() > 0));
    }

    [Theory]
    [InlineData(KlScheduleKind.Constant, 99, 0)]
    [InlineData(KlScheduleKind.Constant, 100, 0.5)]
    [InlineData(KlScheduleKind.Linear, 0, 0)]
    [InlineData(KlScheduleKind.Linear, 150, 0.25)]
    [InlineData(KlScheduleKind.Linear, 300, 0.5)]
    [InlineData(KlScheduleKind.Cyclical, 100, 0)]
    [InlineData(KlScheduleKind.Cyclical, 150, 0.25)]
    public void Autoencoder_pretraining_holds_the_weight_at_zero_and_then_starts_the_schedule(KlScheduleKind kind, long step, double expected)
    {
        var schedule = new KlAnnealingSchedule(new KlScheduleOptions { Kind = kind, Beta = 0.5, WarmupSteps = 100, CycleSteps = 200, RisingRatio = 0.5 }, pretrainingSteps: 100);

        Assert.Equal(expected, schedule.Weight(step), 12);
        Assert.Equal(step < 100, schedule.IsPretraining(step));
    }

    [Fact]
    public void Resetting_the_decoder_reinitialises_it_and_keeps_the_encoder()
    {
        using var scope = NewDisposeScope();
        manual_seed(23);
        using var model = new SentenceVae(TinyBatches.Options());
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

        model.ResetDecoder();

        var after = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var encoderNames = model.named_parameters().Where(p => model.EncoderParameters().Contains(p.parameter)).Select(p => p.name).ToHashSet();
        Assert.NotEmpty(encoderNames);
        foreach (var (name, value) in before)
        {
            var kept = name.StartsWith("embedding") || encoderNames.Contains(name);
            Assert.True(kept == value.eq(after[name]).all().item<bool>(), $"{name} should {(kept ? "be kept" : "change")}");
        }
    }

    [Fact]
    public void Aggressive_updates_move_only_the_encoder_and_the_following_update_only_the_decoder()
    {
        using var scope = NewDisposeScope();
        manual_seed(24);
        using var model = new SentenceVae(TinyBatches.Options());
        model.train();
        var objective = new ObjectiveOptions();
        var encoder = model.EncoderParameters().ToArray();
        var others = model.parameters().Where(p => !encoder.Contains(p)).ToArray();
        using var encoderOptimizer = optim.Adam(encoder, 0.01);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        var batches = new[] { TinyBatches.Of(TinyBatches.Eight), TinyBatches.Of(TinyBatches.Eight[..4]), TinyBatches.Of(TinyBatches.Eight[4..]) };
        var drawn = 0;
        var updates = new AggressiveEncoderUpdates(new OptimizationStep(model, encoderOptimizer, objective, 5, null), maxSteps: 12, checkEvery: 4);

        var encoderBefore = Snapshot(encoder);
        var othersBefore = Snapshot(others);
        var made = updates.Run(() => batches[drawn++ % batches.Length], step: 0, klWeight: 1);

        Assert.InRange(made, 8, 12); // a window of 4 cannot be compared before the second one
        Assert.True(made % 4 == 0 || made == 12);
        Assert.Equal(made, drawn);
        Assert.False(Same(encoderBefore, encoder));
        Assert.True(Same(othersBefore, others));

        encoderBefore = Snapshot(encoder);
        new OptimizationStep(model, optimizer, objective, 5, null).Run(batches[0], 0, 1, encoder);

        Assert.True(Same(encoderBefore, encoder));
        Assert.False(Same(othersBefore, others));
    }

    private static Tensor[] Snapshot(IEnumerable<Parameter> parameters) => parameters.Select(p => p.detach().clone()).ToArray();

    private static bool Same(Tensor[] snapshot, Parameter[] parameters) => snapshot.Zip(parameters).All(pair => pair.First.eq(pair.Second).all().item<bool>());
}
