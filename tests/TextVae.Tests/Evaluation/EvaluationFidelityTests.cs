using System.Text.Json;
using TextVae.Configuration;
using TextVae.Data;
using TextVae.Evaluation;
using TextVae.Generation;
using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Tests.Evaluation;

/// <summary>
/// What makes <c>eval</c>'s numbers comparable with a paper's table: the data set scored as given, decoding that may
/// write what the references contain, one definition of "in the training corpus", and a mutual information that
/// names its estimator and bound.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class EvaluationFidelityTests(TinyModel tiny) : IDisposable
{
    private const string Long = "the company said it would sell its shares in the market next year ."; // 14 tokens
    private readonly TemporaryDirectory _directory = new();
    private readonly Checkpoint _checkpoint = Checkpoint.Load(tiny.Checkpoint);

    [Fact]
    public void Eval_scores_every_sentence_whole_whatever_the_training_length_limits()
    {
        // Trained with sentences of 3 to 5 tokens: a 2-token sentence must not be dropped, nor a 14-token one cut.
        var narrow = Copy(_checkpoint.Config with { Data = _checkpoint.Config.Data with { MinLength = 3, MaxLength = 5 } });
        var path = _directory.Write("data.txt", "he said", "the company said it", Long);
        using var evaluator = new ModelEvaluator(narrow, CPU);

        var report = evaluator.Evaluate(path, new EvaluationOptions { Samples = 2, PriorSamples = 0 });
        var scores = evaluator.Score(evaluator.Blocks(path, Shard.All), new EvaluationOptions { Samples = 2 }).ToArray();

        Assert.Equal(3, report.Sentences);
        Assert.Equal(2 + 4 + 14 + 3, report.Tokens); // words and one <eos> each
        Assert.Equal(0, report.TooLong);
        Assert.Equal([3, 5, 15], scores.Select(score => score.Tokens));
    }

    [Fact]
    public void A_transformer_scores_sentences_up_to_its_position_limit_and_counts_the_longer_ones()
    {
        var options = new ModelOptions
        {
            VocabularySize = _checkpoint.Tokenizer.VocabularySize,
            EmbeddingSize = 16,
            HiddenSize = 16,
            LatentSize = 4,
            Encoder = CellKind.Transformer,
            Decoder = CellKind.Transformer,
            TransformerHeads = 2,
            TransformerFeedForward = 32,
            MaxPositions = 6,
        };
        manual_seed(5);
        using var model = new SentenceVae(options);
        var transformer = Checkpoint.Capture(_checkpoint.Config with { Model = options }, _checkpoint.Tokenizer, model, null, new TrainingState(), null);
        var path = _directory.Write("data.txt", "the company said it would", "the company said it would sell", "he said it");
        using var evaluator = new ModelEvaluator(transformer, CPU);

        var report = evaluator.Evaluate(path, new EvaluationOptions { Samples = 2, PriorSamples = 3 });
        var blocks = evaluator.Blocks(path, Shard.All);
        var scores = evaluator.Score(blocks, new EvaluationOptions { Samples = 2 }).ToArray();

        Assert.Equal(5, model.LongestSentence); // six positions: five tokens and one of <bos>/<eos>
        Assert.Equal(2, report.Sentences);
        Assert.Equal(5 + 3 + 2, report.Tokens);
        Assert.Equal(1, report.TooLong);
        Assert.Equal([1L, 3L], scores.Select(score => score.Line));
        Assert.Equal(1, blocks.TooLong);
    }

    [Fact]
    public void Eval_decoding_may_write_unknown_as_the_references_do()
    {
        // A decoder that always prefers <unk>: references of four unknown words against reconstructions of seventeen
        // (the cap is the training limit of 16 tokens plus <eos>, whatever the batch) match 4/17, 3/16, 2/15 and 1/14 of their n-grams.
        using var evaluator = new ModelEvaluator(Copy(weights: OutputBiased((SpecialTokens.Unk, 50))), CPU);
        var data = _directory.Write("unknown.txt", "qqqx wwwx eeex rrrx", "zzzx yyyx xxxq vvvx");

        var report = evaluator.Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 4 });

        Assert.Equal(100 * Math.Pow(4.0 / 17 * 3 / 16 * 2 / 15 * 1 / 14, 0.25), report.ReconstructionBleu, 6);
        // Every prior sample is <unk> repeated up to the training limit of 16 tokens plus one.
        Assert.Equal(1.0 / (4 * 17), report.Distinct1!.Value, 9);
    }

    [Fact]
    public void Sample_marks_and_eval_novelty_share_one_definition_of_verbatim()
    {
        // A 14-token training line and data.maxLength 8: eval used to compare samples with the line's first 8 tokens.
        var corpus = _directory.Write("train.txt", Long, "he said it");
        var shortLimit = Copy(_checkpoint.Config with { Data = _checkpoint.Config.Data with { MaxLength = 8 } }, trainCorpus: corpus);
        var tokenizer = shortLimit.Tokenizer;
        var whole = tokenizer.Decode(tokenizer.Encode(Long));
        var cut = tokenizer.Decode(tokenizer.Encode(Long).Take(8));
        using var evaluator = new ModelEvaluator(shortLimit, CPU);
        using var generator = new TextGenerator(shortLimit, CPU, "in-memory");
        var evalIndex = evaluator.TrainingCorpus(new EvaluationOptions { TrainCorpus = corpus })!;

        Assert.True(evalIndex.Contains(whole));
        Assert.True(generator.InTrainingCorpus(whole));
        Assert.False(evalIndex.Contains(cut));
        Assert.False(generator.InTrainingCorpus(cut));
        Assert.Equal(0.5, TextDiversity.Novelty([whole, cut], evalIndex));
    }

    [Fact]
    public void Mutual_information_names_its_estimator_and_bound_in_the_report_and_its_json()
    {
        using var evaluator = new ModelEvaluator(_checkpoint, CPU);
        var data = tiny.FirstValidSentences(_directory, 40);
        var batchSizes = evaluator.Blocks(data, Shard.All).Read().SelectMany(block => block.Batches(evaluator.Batching.BatchSize)).Select(batch => batch.Length).ToArray();

        var aggregate = evaluator.Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 0 });
        var minibatch = evaluator.Evaluate(data, new EvaluationOptions { Samples = 1, PriorSamples = 0, MutualInformation = MutualInformationEstimator.Minibatch });

        Assert.Equal(MutualInformationEstimator.Aggregate, aggregate.MutualInformationEstimator);
        Assert.Equal(Math.Log(40), aggregate.MutualInformationBound, 12);
        Assert.Equal([16, 16, 8], batchSizes.Order().Reverse());
        Assert.Equal(batchSizes.Sum(b => b * Math.Log(b)) / 40, minibatch.MutualInformationBound, 12);
        Assert.NotEqual(aggregate.MutualInformation, minibatch.MutualInformation);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(minibatch)).RootElement;
        Assert.Equal("minibatch", json.GetProperty("mi_estimator").GetString());
        Assert.Equal(minibatch.MutualInformationBound, json.GetProperty("mi_bound").GetDouble());
        Assert.Equal(minibatch.MutualInformationAtBound, json.GetProperty("mi_at_bound").GetBoolean());
    }

    [Fact]
    public void An_estimate_within_five_hundredths_of_a_nat_of_its_bound_is_flagged()
    {
        // The free-bits runs: 945 validation sentences bound MI by log 945 = 6.85 nats, and they read 6.83–6.86.
        ElboSummary Summary(double mi) => new(945, 20_000, 50, 10, 16, mi) { MutualInformationBound = Math.Log(945) };

        Assert.True(Summary(6.83).MutualInformationAtBound);
        Assert.True(Summary(6.86).MutualInformationAtBound);
        Assert.False(Summary(6.5).MutualInformationAtBound);
    }

    /// <summary>The tiny model's weights with its output layer replaced: weights 0, bias 0 except the given tokens.</summary>
    private byte[] OutputBiased(params (int Token, float Logit)[] logits)
    {
        using var model = _checkpoint.CreateModel(CPU);
        using (no_grad())
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (name is "output.weight" or "output.bias")
                    parameter.zero_();
                if (name == "output.bias")
                    foreach (var (token, logit) in logits)
                        parameter[token] = logit;
            }
        return Checkpoint.Capture(_checkpoint.Config, _checkpoint.Tokenizer, model, null, _checkpoint.State, null).Weights;
    }

    private Checkpoint Copy(TrainConfig? config = null, byte[]? weights = null, string? trainCorpus = null) => new()
    {
        Config = config ?? _checkpoint.Config,
        Tokenizer = _checkpoint.Tokenizer,
        Weights = weights ?? _checkpoint.Weights,
        State = _checkpoint.State,
        Info = _checkpoint.Info with { TrainCorpus = trainCorpus ?? _checkpoint.Info.TrainCorpus },
    };

    public void Dispose() => _directory.Dispose();
}
