using TextVae.Data;
using TextVae.Tokenization;

namespace TextVae.Tests.Data;

public class ShardTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    public void Parses_k_of_n(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("4/4", "outside 0 … 3")]
    [InlineData("1/0", "at least 1")]
    [InlineData("-1/2", "K/N")]
    [InlineData("2", "K/N")]
    public void Rejects_a_bad_shard_naming_the_parameter(string text, string problem)
    {
        var message = Assert.Throws<TextVaeException>(() => Shard.Parse(text, "--shard")).Message;
        Assert.StartsWith("--shard", message);
        Assert.Contains(problem, message);
    }

    [Fact]
    public void Shards_split_the_lines_into_disjoint_blocks_whose_union_is_the_file_with_the_same_batches()
    {
        using var directory = new TemporaryDirectory();
        var lines = Enumerable.Range(1, 40).Select(i => i % 9 == 0 ? "" : string.Join(' ', Enumerable.Repeat("the cat", i % 5 + 1))).ToArray();
        var path = directory.Write("corpus.txt", lines);
        var trainer = new WordTokenizerTrainer(10, 1, false);
        trainer.Add("the cat");
        var tokenizer = trainer.Train();
        var options = new DataOptions { MaxLength = 4 };

        List<(long Block, long[][] Batches)> Read(Shard shard) =>
            new CorpusBlocks(path, tokenizer, options, shard, blockLines: 6).Read()
                .Select(block => (block.Index, block.Batches(3).Select(batch => batch.Select(s => s.Line).ToArray()).ToArray())).ToList();

        var whole = Read(Shard.All);
        Assert.Equal(lines.Select((text, i) => (text, i)).Where(x => x.text != "").Select(x => (long)x.i + 1),
            whole.SelectMany(block => block.Batches.SelectMany(batch => batch)).Order());
        foreach (var count in new[] { 3, 4 })
        {
            var shards = Enumerable.Range(0, count).Select(k => Read(new Shard(k, count))).ToArray();
            for (var k = 0; k < count; k++)
                Assert.All(shards[k], block => Assert.Equal(k, block.Block % count));
            var union = shards.SelectMany(shard => shard).OrderBy(block => block.Block).ToList();
            Assert.Equal(whole.Select(b => b.Block), union.Select(b => b.Block));
            for (var i = 0; i < whole.Count; i++)
                Assert.Equal(whole[i].Batches, union[i].Batches);
        }
    }

    [Fact]
    public void A_sentence_limit_stops_the_read_mid_block_after_that_many_of_the_shards_sentences()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("corpus.txt", Enumerable.Range(1, 30).Select(i => i % 4 == 0 ? "" : "the cat").ToArray());
        var trainer = new WordTokenizerTrainer(10, 1, false);
        trainer.Add("the cat");
        var blocks = new CorpusBlocks(path, trainer.Train(), new DataOptions { MaxLength = 4 }, new Shard(1, 2), blockLines: 4) { SentenceLimit = 7 };

        var lines = blocks.Read().SelectMany(block => block.Sentences.Select(sentence => sentence.Line)).ToArray();

        // Shard 1 of 2 owns lines 5-8, 13-16, 21-24 …; every fourth line is empty.
        Assert.Equal([5L, 6, 7, 13, 14, 15, 21], lines);
        Assert.Equal(7, blocks.Sentences);
        blocks.SentenceLimit = 0;
        Assert.Equal("sentenceLimit", Assert.Throws<InvalidParameterException>(() => blocks.Read().ToArray()).Parameter);
    }

    [Fact]
    public void Line_seeds_differ_by_line_and_purpose_and_repeat_for_the_same_inputs()
    {
        Assert.Equal(LineRandom.Seed(7, 3, RandomPurpose.ElboSample), LineRandom.Seed(7, 3, RandomPurpose.ElboSample));
        var seeds = new HashSet<ulong>();
        foreach (var line in Enumerable.Range(1, 100))
            foreach (var purpose in Enum.GetValues<RandomPurpose>())
                Assert.True(seeds.Add(LineRandom.Seed(7, line, purpose)));
        using var a = LineRandom.Normal(7, [5L, 9L], RandomPurpose.ImportanceSamples, 2, 3);
        using var b = LineRandom.Normal(7, [9L], RandomPurpose.ImportanceSamples, 2, 3);
        Assert.Equal([2L, 2L, 3L], a.shape);
        Assert.Equal(b[0].data<float>().ToArray(), a[1].data<float>().ToArray());
    }
}
