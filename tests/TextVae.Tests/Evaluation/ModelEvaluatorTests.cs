using System.Text.Json;
using TextVae.Data;
using TextVae.Evaluation;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Tests.Evaluation;

[Collection(TinyModelCollection.Name)]
public sealed class ModelEvaluatorTests(TinyModel tiny) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ModelEvaluator _evaluator = new(Checkpoint.Load(tiny.Checkpoint), CPU);

    private string FirstValidSentences(int count) => tiny.FirstValidSentences(_directory, count);

    private SentenceScore[] Score(string path, int samples) =>
        _evaluator.Score(_evaluator.Blocks(path, Shard.All), new EvaluationOptions { Samples = samples, Seed = 11 }).ToArray();

    [Fact]
    public void Importance_weighted_nll_stays_below_the_elbo_bound_and_falls_as_k_grows()
    {
        var data = FirstValidSentences(50);
        var one = Score(data, 1);
        var five = Score(data, 5).Average(score => score.IwNll);
        var fifty = Score(data, 50);
        var iwOne = one.Average(score => score.IwNll);
        var iwFifty = fifty.Average(score => score.IwNll);

        // At K = 1 the estimate is the ELBO's single-sample estimate, with a sampled instead of an analytic KL.
        var negativeElbo = -one.Average(score => score.Elbo);
        Assert.InRange(iwOne, negativeElbo - 0.1, negativeElbo + 0.1);
        // The tiny model barely uses z, so the bound can only tighten by hundredths of a nat, about the noise between
        // the independent draws of each K.
        Assert.True(iwFifty <= five && five <= iwOne + 0.05, $"K=1 {iwOne}, K=5 {five}, K=50 {iwFifty}");
        var negativeElboFifty = -fifty.Average(score => score.Elbo); // the same 50 samples' reconstruction, analytic KL
        Assert.True(iwFifty <= negativeElboFifty, $"IW-NLL(K=50) {iwFifty} above −ELBO {negativeElboFifty}");
    }

    [Fact]
    public void Perplexity_counts_every_word_and_each_eos_but_not_bos()
    {
        // 4 + 2 + 6 words, one <eos> each: 15 target tokens.
        var data = _directory.Write("three.txt", "the company said it", "he said", "the market is expected to rise");

        var report = _evaluator.Evaluate(data, new EvaluationOptions { Samples = 4, PriorSamples = 0 });

        Assert.Equal(3, report.Sentences);
        Assert.Equal(15, report.Tokens);
        Assert.Equal(Math.Exp(report.IwNll * 3 / 15), report.Perplexity, 1e-9);
        Assert.Null(report.Distinct1);
        Assert.Null(report.Novelty);
    }

    [Fact]
    public void A_full_report_has_the_papers_measures_in_their_ranges_and_json_names()
    {
        // The whole validation set: with a few dozen sentences the aggregate posterior is too coarse for MI to stay above 0.
        var report = _evaluator.Evaluate(tiny.ValidCorpus, new EvaluationOptions { Samples = 1, PriorSamples = 30, TrainCorpus = tiny.TrainCorpus });

        Assert.InRange(report.MutualInformation, 0, Math.Log(report.Sentences));
        Assert.InRange(report.ActiveUnits, 0, 8);
        Assert.InRange(report.ReconstructionBleu, 0, 100);
        Assert.InRange(report.Distinct1!.Value, 0, 1);
        Assert.InRange(report.Distinct2!.Value, 0, 1);
        Assert.InRange(report.SelfBleu!.Value, 0, 100);
        Assert.InRange(report.Novelty!.Value, 0, 1);
        Assert.Equal(report.Elbo, -(report.Reconstruction + report.Kl), 1e-9);
        var keys = JsonDocument.Parse(JsonSerializer.Serialize(report)).RootElement.EnumerateObject().Select(p => p.Name);
        Assert.Equal(["elbo", "rec", "kl", "iw_nll", "ppl", "mi", "mi_estimator", "mi_bound", "mi_at_bound", "au", "bleu", "bleu_precisions",
            "bleu_brevity_penalty", "exact", "beam_width", "beam_bleu", "beam_exact", "distinct1", "distinct2",
            "self_bleu", "novelty", "sentences", "tokens", "too_long"], keys);
    }

    [Fact]
    public void Scores_point_back_to_their_lines_and_report_progress()
    {
        var path = _directory.Write("gaps.txt", "the company said it", "", "he said");
        var reports = new List<ScoringProgress>();

        var scores = _evaluator.Score(_evaluator.Blocks(path, Shard.All), new EvaluationOptions { Samples = 3 }, new SynchronousProgress(reports.Add)).ToArray();

        Assert.Equal([1L, 3L], scores.Select(s => s.Line));
        Assert.Equal(["the company said it", "he said"], scores.Select(s => s.Text));
        Assert.Equal([5, 3], scores.Select(s => s.Tokens));
        Assert.All(scores, s => Assert.Equal(s.IwNll / s.Tokens, s.NllPerToken, 1e-12));
        Assert.Equal(2, reports[^1].Sentences);
    }

    [Fact]
    public void The_batch_size_changes_scores_only_by_rounding_and_rows_come_in_file_order()
    {
        var path = FirstValidSentences(40);
        var options = new EvaluationOptions { Samples = 4, Seed = 3 };
        SentenceScore[] Score(int? batchSize) => _evaluator.Score(_evaluator.Blocks(path, Shard.All, blockLines: 16), options, batchSize: batchSize).ToArray();

        var byDefault = Score(null);
        Assert.Equal(Enumerable.Range(1, 40).Select(line => (long)line), byDefault.Select(score => score.Line));
        foreach (var batchSize in new[] { 1, 64 })
        {
            var batched = Score(batchSize);
            Assert.Equal(byDefault.Select(score => score.Line), batched.Select(score => score.Line));
            for (var row = 0; row < byDefault.Length; row++)
            {
                Assert.Equal(byDefault[row].IwNll, batched[row].IwNll, 1e-3);
                Assert.Equal(byDefault[row].Reconstruction, batched[row].Reconstruction, 1e-3);
                Assert.Equal(byDefault[row].Kl, batched[row].Kl, 1e-4);
                Assert.Equal(byDefault[row].ReconstructionAtMean, batched[row].ReconstructionAtMean, 1e-3);
            }
        }
        Assert.Equal("batchSize", Assert.Throws<InvalidParameterException>(() => _evaluator.Score(_evaluator.Blocks(path, Shard.All), options, batchSize: 0)).Parameter);
    }

    [Fact]
    public void The_chunk_of_importance_samples_changes_scores_only_by_double_rounding()
    {
        var path = FirstValidSentences(20);
        SentenceScore[] Score(int chunk) => _evaluator.Score(_evaluator.Blocks(path, Shard.All), new EvaluationOptions { Samples = 6, Chunk = chunk }).ToArray();

        var one = Score(1);
        var all = Score(6);
        for (var row = 0; row < one.Length; row++)
        {
            Assert.Equal(one[row].IwNll, all[row].IwNll, 1e-9);
            Assert.Equal(one[row].Reconstruction, all[row].Reconstruction, 1e-9);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Shards_together_give_the_one_process_rows_and_report_to_the_last_bit(int shards)
    {
        var path = FirstValidSentences(70);
        var options = new EvaluationOptions { Samples = 3, PriorSamples = 12, Seed = 5, TrainCorpus = tiny.TrainCorpus };
        const int blockLines = 8; // several blocks per shard in 70 lines

        var whole = _evaluator.Score(_evaluator.Blocks(path, Shard.All, blockLines), options).ToArray();
        var union = Enumerable.Range(0, shards)
            .SelectMany(k => _evaluator.Score(_evaluator.Blocks(path, new Shard(k, shards), blockLines), options))
            .OrderBy(score => score.Line).ToArray();
        Assert.Equal(70, whole.Length);
        Assert.Equal(whole, union); // records: same lines, texts and the same doubles

        var one = EvaluationPart.Merge([("whole", _evaluator.EvaluatePart(_evaluator.Blocks(path, Shard.All, blockLines), options))]).Report();
        var parts = Enumerable.Range(0, shards).Reverse()
            .Select(k =>
            {
                var file = _directory.File($"part-{k}.json");
                _evaluator.EvaluatePart(_evaluator.Blocks(path, new Shard(k, shards), blockLines), options).Save(file);
                return (file, EvaluationPart.Load(file));
            })
            .ToArray();
        var merged = EvaluationPart.Merge(parts).Report();
        Assert.Equal(one, merged);
        Assert.NotNull(merged.Distinct1);
        Assert.Equal(70, merged.Sentences);
    }

    [Fact]
    public void Merging_refuses_missing_repeated_and_foreign_parts()
    {
        var path = FirstValidSentences(20);
        var options = new EvaluationOptions { Samples = 1, PriorSamples = 0 };
        EvaluationPart Part(int k, EvaluationOptions o) => _evaluator.EvaluatePart(_evaluator.Blocks(path, new Shard(k, 2), 4), o);

        Assert.Contains("1/2 missing", Assert.Throws<TextVaeException>(() => EvaluationPart.Merge([("a", Part(0, options))])).Message);
        Assert.Contains("also in a", Assert.Throws<TextVaeException>(() => EvaluationPart.Merge([("a", Part(0, options)), ("b", Part(0, options))])).Message);
        var message = Assert.Throws<TextVaeException>(() => EvaluationPart.Merge([("a", Part(0, options)), ("b", Part(1, options with { Seed = 99 }))])).Message;
        Assert.Contains("b: made with a different seed", message);
        Assert.Contains("merge all parts", Assert.Throws<TextVaeException>(() => Part(1, options).Report()).Message);
    }

    private sealed class SynchronousProgress(Action<ScoringProgress> report) : IProgress<ScoringProgress>
    {
        public void Report(ScoringProgress value) => report(value);
    }

    public void Dispose()
    {
        _evaluator.Dispose();
        _directory.Dispose();
    }
}
