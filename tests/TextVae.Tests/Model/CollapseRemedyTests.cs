using TextVae.Model;
using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Tests.Model;

public class CollapseRemedyTests
{
    [Theory]
    [InlineData(KlScheduleKind.Constant, 0, 0.7)]
    [InlineData(KlScheduleKind.Constant, 123_456, 0.7)]
    [InlineData(KlScheduleKind.Linear, 0, 0)]
    [InlineData(KlScheduleKind.Linear, 250, 0.35)]
    [InlineData(KlScheduleKind.Linear, 500, 0.7)]
    [InlineData(KlScheduleKind.Linear, 9_999, 0.7)]
    [InlineData(KlScheduleKind.Cyclical, 0, 0)]
    [InlineData(KlScheduleKind.Cyclical, 100, 0.35)]
    [InlineData(KlScheduleKind.Cyclical, 200, 0.7)]
    [InlineData(KlScheduleKind.Cyclical, 399, 0.7)]
    [InlineData(KlScheduleKind.Cyclical, 400, 0)]
    [InlineData(KlScheduleKind.Cyclical, 500, 0.35)]
    public void Schedules_give_known_weights(KlScheduleKind kind, long step, double expected)
    {
        var schedule = new KlAnnealingSchedule(new KlScheduleOptions { Kind = kind, Beta = 0.7, WarmupSteps = 500, CycleSteps = 400, RisingRatio = 0.5 });

        Assert.Equal(expected, schedule.Weight(step), 12);
    }

    [Fact]
    public void The_logistic_schedule_is_half_at_its_midpoint_and_follows_bowmans_curve()
    {
        var schedule = new KlAnnealingSchedule(new KlScheduleOptions { Kind = KlScheduleKind.Logistic, LogisticRate = 0.0025, LogisticMidpoint = 2500 });

        Assert.Equal(0.5, schedule.Weight(2500), 12);
        Assert.Equal(1 / (1 + Math.Exp(2.5)), schedule.Weight(1500), 12);
        Assert.True(schedule.Weight(10_000) > 0.99999);
    }

    [Fact]
    public void Word_dropout_replaces_words_at_its_rate_and_never_bos_or_padding()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var words = randint(4, 30, [200, 50], dtype: int64, generator: generator);
        words[TensorIndex.Colon, 0] = SpecialTokens.Bos;
        words[TensorIndex.Colon, TensorIndex.Slice(40)] = SpecialTokens.Pad;

        var dropped = WordDropout.Apply(words, 0.3, generator);

        var changed = dropped.ne(words);
        var rate = changed[TensorIndex.Colon, TensorIndex.Slice(1, 40)].to(float32).mean().item<float>();
        Assert.InRange(rate, 0.28, 0.32);
        Assert.True(dropped.masked_select(changed).eq(SpecialTokens.Unk).all().item<bool>());
        Assert.False(changed[TensorIndex.Colon, 0].any().item<bool>());
        Assert.False(changed[TensorIndex.Colon, TensorIndex.Slice(40)].any().item<bool>());
    }

    [Fact]
    public void Word_dropout_is_off_in_evaluation()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var model = new SentenceVae(TinyBatches.Options());
        model.eval();
        var batch = TinyBatches.Of(TinyBatches.Eight);

        var without = model.Loss(batch, 1, new ObjectiveOptions()).Loss.item<float>();
        var with = model.Loss(batch, 1, new ObjectiveOptions { WordDropout = 0.9 }).Loss.item<float>();

        Assert.Equal(without, with);
    }

    [Fact]
    public void Analytic_kl_matches_a_monte_carlo_estimate_and_vanishes_for_the_prior()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var mu = tensor(new float[] { 0.5f, -1.0f, 2.0f }).unsqueeze(0);
        var logVar = tensor(new float[] { -1.0f, 0.3f, 0.0f }).unsqueeze(0);
        var z = GaussianLatent.Reparameterize(mu.expand(200_000, 3), logVar.expand(200_000, 3)); // [samples, 3]
        var logQ = -0.5 * ((z - mu).pow(2) / logVar.exp() + logVar + Math.Log(2 * Math.PI));
        var logP = -0.5 * (z.pow(2) + Math.Log(2 * Math.PI));
        var monteCarlo = (logQ - logP).mean([0]); // [3]

        Assert.True(GaussianLatent.KlPerDimension(mu, logVar)[0].allclose(monteCarlo, rtol: 0.02, atol: 0.01));
        Assert.Equal(0f, GaussianLatent.KlPerDimension(zeros(1, 4), zeros(1, 4)).abs().sum().item<float>());
    }
}
