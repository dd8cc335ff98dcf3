using TextVae.Data;
using TextVae.Model;
using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Tests.Model;

/// <summary>The mechanisms that make the decoder use z: the encoder's reading and summary, z in the output layer, the plain autoencoder, denoising and BN-VAE.</summary>
public class LatentPathTests
{
    private static Tensor Summary(SentenceEncoder encoder, Tensor embedded, Tensor lengths)
    {
        encoder.eval();
        return encoder.call(embedded, lengths);
    }

    [Theory]
    [InlineData(CellKind.Lstm, false)]
    [InlineData(CellKind.Gru, false)]
    [InlineData(CellKind.Lstm, true)]
    public void A_reversing_encoder_reads_each_rows_real_tokens_backwards_whatever_the_padding(CellKind cell, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        var options = TinyBatches.Options(encoder: cell) with { Bidirectional = bidirectional };
        using var forward = new RnnEncoder(options);
        using var reversing = new RnnEncoder(options with { ReverseEncoderInput = true });
        reversing.load_state_dict(forward.state_dict());
        // Row 0 has 3 real steps and 2 of padding, row 1 has 5.
        var embedded = randn(2, 5, options.EmbeddingSize);
        var lengths = tensor(new long[] { 3, 5 });

        var reversedSummary = Summary(reversing, embedded, lengths);
        var byHand = embedded.clone();
        byHand[0, TensorIndex.Slice(0, 3)] = embedded[0, TensorIndex.Slice(0, 3)].flip(0);
        byHand[1] = embedded[1].flip(0);
        var expected = Summary(forward, byHand, lengths);
        var alone = Summary(reversing, embedded[TensorIndex.Slice(0, 1), TensorIndex.Slice(0, 3)], lengths[TensorIndex.Slice(0, 1)]);

        Assert.True(reversedSummary.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(reversedSummary[0].allclose(alone[0], rtol: 1e-5, atol: 1e-6));
        Assert.False(reversedSummary.allclose(Summary(forward, embedded, lengths), rtol: 1e-3, atol: 1e-4));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_final_and_mean_summary_appends_the_mean_of_the_real_outputs(bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(32);
        var options = TinyBatches.Options() with { Bidirectional = bidirectional };
        using var final = new RnnEncoder(options);
        using var both = new RnnEncoder(options with { RnnSummary = RnnSummary.FinalAndMean });
        both.load_state_dict(final.state_dict());
        var embedded = randn(2, 6, options.EmbeddingSize);
        var lengths = tensor(new long[] { 4, 6 });

        var summary = Summary(both, embedded, lengths); // [batch, 2 · width]
        var width = final.OutputSize;
        var alone = Summary(both, embedded[TensorIndex.Slice(0, 1), TensorIndex.Slice(0, 4)], lengths[TensorIndex.Slice(0, 1)]);
        var longer = Summary(both, cat([embedded, randn(2, 3, options.EmbeddingSize)], 1), lengths);

        Assert.Equal(2 * width, both.OutputSize);
        Assert.Equal(new long[] { 2, 2 * width }, summary.shape);
        Assert.True(summary[TensorIndex.Colon, TensorIndex.Slice(0, width)].allclose(Summary(final, embedded, lengths), rtol: 1e-5, atol: 1e-6));
        Assert.True(summary[0].allclose(alone[0], rtol: 1e-5, atol: 1e-6)); // padding adds nothing to the mean
        Assert.True(summary.allclose(longer, rtol: 1e-5, atol: 1e-6));
        Assert.False(summary[TensorIndex.Colon, TensorIndex.Slice(width, null)].allclose(summary[TensorIndex.Colon, TensorIndex.Slice(0, width)], rtol: 1e-3, atol: 1e-4));
    }

    [Theory]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    [InlineData(CellKind.Transformer)]
    public void Z_in_the_output_layer_reaches_every_prediction_and_stepwise_decoding_agrees_with_teacher_forcing(CellKind decoder)
    {
        using var scope = NewDisposeScope();
        manual_seed(33);
        using var model = new SentenceVae(TinyBatches.Options(decoder: decoder) with { LatentToOutput = true, LatentAsMemory = decoder == CellKind.Transformer });
        model.eval();
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var (decoderInput, targets, encoderInput) = SentenceVae.Split(batch.Tokens);
        var z = randn(8, 8).requires_grad_();

        var teacherForced = model.ReconstructionNll(z, decoderInput, targets, batch.Lengths); // [batch]
        var state = model.StartDecoding(z);
        var stepwise = zeros(8);
        for (var t = 0; t < targets.shape[1]; t++)
        {
            var (logits, next) = model.DecodeStep(decoderInput[TensorIndex.Colon, t], state);
            var nll = nn.functional.cross_entropy(logits, targets[TensorIndex.Colon, t], reduction: nn.Reduction.None);
            stepwise = stepwise + nll.masked_fill(targets[TensorIndex.Colon, t].eq(SpecialTokens.Pad), 0);
            state = next;
        }
        teacherForced.sum().backward();

        Assert.True(teacherForced.allclose(stepwise, rtol: 1e-4, atol: 1e-4), $"{teacherForced.sum().item<float>()} vs {stepwise.sum().item<float>()}");
        Assert.True(z.grad!.abs().sum().item<float>() > 0);
        Assert.Equal(new long[] { 8, 8 }, model.Encode(encoderInput, batch.Lengths).Mu.shape);
    }

    [Fact]
    public void The_output_layer_alone_carries_z_when_nothing_else_does()
    {
        using var scope = NewDisposeScope();
        manual_seed(34);
        // GRU decoders that do not see z at their inputs and whose start state ignores it: only the output layer can read z.
        using var model = WithoutLatentStart(new SentenceVae(TinyBatches.Options(decoder: CellKind.Gru) with { LatentToOutput = true }));
        using var plain = WithoutLatentStart(new SentenceVae(TinyBatches.Options(decoder: CellKind.Gru)));
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var (decoderInput, targets, _) = SentenceVae.Split(batch.Tokens);

        var withSkip = Gradient(model);
        var withoutSkip = Gradient(plain);

        Assert.True(withSkip > 0);
        Assert.Equal(0f, withoutSkip);

        float Gradient(SentenceVae vae)
        {
            vae.eval();
            var z = randn(8, 8).requires_grad_();
            vae.ReconstructionNll(z, decoderInput, targets, batch.Lengths).sum().backward();
            return z.grad!.abs().sum().item<float>();
        }
    }

    [Fact]
    public void A_deterministic_latent_trains_a_plain_autoencoder_on_the_posterior_mean()
    {
        using var scope = NewDisposeScope();
        manual_seed(35);
        using var model = new SentenceVae(TinyBatches.Options());
        model.train();
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var objective = new ObjectiveOptions { DeterministicLatent = true, FreeBitsPerSentence = 5 };

        var first = model.Loss(batch, 1, objective);
        var second = model.Loss(batch, 1, objective);
        var sampled = model.Loss(batch, 1, objective with { DeterministicLatent = false });

        Assert.Equal(first.Reconstruction.item<float>(), second.Reconstruction.item<float>()); // no sampling noise
        Assert.Equal(first.Reconstruction.item<float>(), first.Loss.item<float>()); // no KL term, whatever the floor
        Assert.True(first.Kl.item<float>() > 0); // still measured
        Assert.NotEqual(first.Reconstruction.item<float>(), sampled.Reconstruction.item<float>());
    }

    [Fact]
    public void Word_deletion_removes_words_keeps_order_eos_and_padding_and_shortens_rows()
    {
        using var scope = NewDisposeScope();
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens);
        using var generator = new Generator(7);

        var (kept, lengths) = WordDeletion.Apply(encoderInput, batch.Lengths, 0.5, generator);
        var (none, sameLengths) = WordDeletion.Apply(encoderInput, batch.Lengths, 0);
        var (all, allLengths) = WordDeletion.Apply(encoderInput, batch.Lengths, 0.99, new Generator(8));

        Assert.True(none.eq(encoderInput).all().item<bool>());
        Assert.True(sameLengths.eq(batch.Lengths).all().item<bool>());
        Assert.True(lengths.lt(batch.Lengths).any().item<bool>());
        for (var row = 0; row < 8; row++)
        {
            var original = Row(encoderInput, row, batch.Lengths);
            var noisy = Row(kept, row, lengths);
            Assert.Equal(SpecialTokens.Eos, noisy[^1]);
            Assert.True(IsSubsequence(noisy, original), $"row {row}: {string.Join(' ', noisy)} from {string.Join(' ', original)}");
            Assert.All(kept[row, TensorIndex.Slice(lengths[row].item<long>(), null)].data<long>().ToArray(), id => Assert.Equal(SpecialTokens.Pad, id));
        }
        Assert.True(allLengths.le(2).all().item<bool>()); // at p = 0.99 hardly a word survives, but <eos> always does
    }

    [Fact]
    public void Encoder_word_deletion_changes_training_only()
    {
        using var scope = NewDisposeScope();
        manual_seed(36);
        using var model = new SentenceVae(TinyBatches.Options());
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var deterministic = new ObjectiveOptions { DeterministicLatent = true };
        var denoising = deterministic with { EncoderWordDeletion = 0.5 };

        model.train();
        var clean = model.Loss(batch, 1, deterministic, new Generator(3)).Reconstruction.item<float>();
        var noisy = model.Loss(batch, 1, denoising, new Generator(3)).Reconstruction.item<float>();
        model.eval();
        var evaluated = model.Loss(batch, 1, denoising).Reconstruction.item<float>();
        var evaluatedClean = model.Loss(batch, 1, deterministic).Reconstruction.item<float>();

        Assert.NotEqual(clean, noisy);
        Assert.Equal(evaluatedClean, evaluated);
    }

    [Fact]
    public void Bn_vae_holds_each_dimensions_second_moment_at_gamma_squared_in_training()
    {
        using var scope = NewDisposeScope();
        manual_seed(37);
        const double gamma = 0.6;
        using var model = new SentenceVae(TinyBatches.Options() with { LatentBatchNormScale = gamma });
        var batch = TinyBatches.Of(TinyBatches.Eight);
        var (_, _, encoderInput) = SentenceVae.Split(batch.Tokens);

        model.train();
        var (mu, _) = model.Encode(encoderInput, batch.Lengths); // [batch, latent]
        var secondMoment = mu.pow(2).mean([0]); // [latent]; the learned shift starts at 0
        var (one, _) = model.Encode(encoderInput[TensorIndex.Slice(0, 1)], batch.Lengths[TensorIndex.Slice(0, 1)]);
        model.eval();
        var (evaluated, _) = model.Encode(encoderInput, batch.Lengths);

        // γ² but for batch norm's ε, which weighs on the small spread of an untrained encoder's means.
        Assert.All(secondMoment.data<float>().ToArray(), moment => Assert.InRange(moment, 0.95 * gamma * gamma, gamma * gamma + 1e-4));
        Assert.Equal(new long[] { 1, 8 }, one.shape); // one sentence uses the running statistics instead of failing
        Assert.False(evaluated.allclose(mu, rtol: 1e-3, atol: 1e-3)); // evaluation normalises with the running statistics
    }

    /// <summary>Zeroes the map from z to the GRU decoder's start state, so the recurrence never sees z.</summary>
    private static SentenceVae WithoutLatentStart(SentenceVae model)
    {
        using var noGrad = no_grad();
        foreach (var (_, parameter) in model.named_parameters().Where(p => p.name.Contains("initialHidden")))
            parameter.zero_();
        return model;
    }

    private static long[] Row(Tensor tokens, int row, Tensor lengths) =>
        tokens[row, TensorIndex.Slice(0, lengths[row].item<long>())].data<long>().ToArray();

    private static bool IsSubsequence(long[] part, long[] whole)
    {
        var next = 0;
        foreach (var id in whole)
            if (next < part.Length && part[next] == id)
                next++;
        return next == part.Length;
    }
}
