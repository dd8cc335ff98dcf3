using TextVae.Data;
using TextVae.Tokenization;
using static TorchSharp.torch;

namespace TextVae.Tests.Data;

public class BucketedBatcherTests
{
    // 203 sentences of 1 to 30 tokens; token values encode the sentence index so rows can be traced back.
    private static readonly int[][] Sentences = [.. Enumerable.Range(0, 203).Select(i => Enumerable.Repeat(10 + i, 1 + (i * 7919 % 30)).ToArray())];

    private static readonly DataOptions Options = new() { BatchSize = 8, BucketBatches = 4, Seed = 42 };

    [Fact]
    public void Every_sentence_appears_exactly_once_per_epoch()
    {
        var batcher = new BucketedBatcher(Sentences, Options);

        for (var epoch = 0; epoch < 3; epoch++)
        {
            var plan = batcher.Plan(epoch);
            Assert.Equal(Enumerable.Range(0, Sentences.Length), plan.Batches.SelectMany(batch => batch).Order());
            Assert.All(plan.Batches, batch => Assert.InRange(batch.Length, 1, Options.BatchSize));
        }
    }

    [Fact]
    public void Same_seed_and_epoch_give_the_same_batches_and_others_differ()
    {
        var plan = new BucketedBatcher(Sentences, Options).Plan(1);

        Assert.Equal(plan.Batches, new BucketedBatcher(Sentences, Options).Plan(1).Batches);
        Assert.NotEqual(plan.Batches, new BucketedBatcher(Sentences, Options).Plan(2).Batches);
        Assert.NotEqual(plan.Batches, new BucketedBatcher(Sentences, Options with { Seed = 43 }).Plan(1).Batches);
    }

    [Fact]
    public void Bucketing_pads_far_less_than_one_pool_of_random_order()
    {
        var bucketed = new BucketedBatcher(Sentences, Options).Plan(0);
        var random = new BucketedBatcher(Sentences, Options with { BucketBatches = 1 }).Plan(0);

        Assert.True(bucketed.PaddingFraction < random.PaddingFraction / 2, $"{bucketed.PaddingFraction} vs {random.PaddingFraction}");
        Assert.Equal(Sentences.Sum(s => s.Length + 1), bucketed.TargetTokens);
    }

    [Fact]
    public void Batch_rows_are_bos_words_eos_then_padding()
    {
        int[][] sentences = [[7, 8, 9], [5], [6, 6]];
        var batcher = new BucketedBatcher(sentences, Options);

        using var batch = batcher.MakeBatch([0, 1, 2]);

        Assert.Equal([3L, 5], batch.Tokens.shape);
        Assert.Equal([1L, 7, 8, 9, 2, 1, 5, 2, 0, 0, 1, 6, 6, 2, 0], batch.Tokens.data<long>().ToArray());
        Assert.Equal([4L, 2, 3], batch.Lengths.data<long>().ToArray());
        Assert.Equal(9, batch.TargetTokenCount);
        Assert.Equal(SpecialTokens.Pad, 0);
    }

    [Fact]
    public void Target_mask_marks_words_and_eos_of_the_shifted_tokens()
    {
        var batcher = new BucketedBatcher([[7, 8, 9], [5], [6, 6]], Options);
        using var batch = batcher.MakeBatch([0, 1, 2]);

        using var mask = batch.TargetMask();
        using var targets = batch.Tokens[.., 1..];

        Assert.Equal([3L, 4], mask.shape);
        Assert.Equal(ScalarType.Bool, mask.dtype);
        Assert.Equal([true, true, true, true, true, true, false, false, true, true, true, false], mask.data<bool>().ToArray());
        Assert.Equal(batch.TargetTokenCount, mask.sum().item<long>());
        Assert.True(targets.masked_select(mask.logical_not()).eq(SpecialTokens.Pad).all().item<bool>());
    }

    [Fact]
    public void Batches_follow_the_plan()
    {
        var batcher = new BucketedBatcher(Sentences, Options);
        var plan = batcher.Plan(0);

        var rows = 0L;
        foreach (var batch in batcher.Batches(plan))
        {
            using (batch)
                rows += batch.Size;
        }

        Assert.Equal(Sentences.Length, rows);
    }
}
