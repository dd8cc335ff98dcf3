using System.Text.Json;
using TextVae.Data;
using TextVae.Generation;
using TextVae.Decoding;
using TextVae.Plotting;
using static TorchSharp.torch;

namespace TextVae.Tests.Generation;

[Collection(TinyModelCollection.Name)]
public sealed class TextGeneratorTests : IDisposable
{
    private const string First = "the man said nothing .";
    private const string Second = "it was a good day .";
    private static readonly DecodingOptions Greedy = new();

    private readonly TinyModel _tiny;
    private readonly TextGenerator _generator;

    public TextGeneratorTests(TinyModel tiny)
    {
        _tiny = tiny;
        _generator = TextGenerator.Load(tiny.Checkpoint, CPU);
    }

    [Fact]
    public void Samples_are_reproducible_and_checked_against_the_training_corpus()
    {
        var options = new DecodingOptions { Strategy = DecodingStrategy.TopK, TopK = 10 };
        var first = _generator.Sample(12, options, seed: 3);
        var again = _generator.Sample(12, options, seed: 3);

        Assert.Equal(12, first.Count);
        Assert.Equal(first, again);
        Assert.All(first, sentence => Assert.NotNull(sentence.InTrainingCorpus));
        var corpusSentence = File.ReadLines(_tiny.TrainCorpus).First();
        Assert.True(_generator.InTrainingCorpus(_generator.Read(corpusSentence).AsRead));
    }

    [Theory]
    [InlineData(InterpolationPath.Linear)]
    [InlineData(InterpolationPath.Slerp)]
    public void Interpolation_ends_decode_as_reconstructions_and_points_cover_every_step(InterpolationPath mode)
    {
        var path = _generator.Interpolate(First, Second, 7, mode, Greedy);

        // Encoding two sentences in one batch may change the last float bits, not the decoded tokens.
        AssertSameSentence(_generator.Reconstruct(First, false, Greedy, 0).Output, path.Points[0].Sentence);
        // The last point's score is that of the first step of its span, so only its text must match.
        Assert.Equal(_generator.Reconstruct(Second, false, Greedy, 0).Output.Text, path.Points[^1].Sentence.Text);
        Assert.Equal(0, path.Points[0].FirstStep);
        Assert.Equal(6, path.Points[^1].LastStep);
        Assert.Equal(1.0, path.Points[^1].LastPosition);
        for (var i = 1; i < path.Points.Count; i++)
        {
            Assert.Equal(path.Points[i - 1].LastStep + 1, path.Points[i].FirstStep);
            Assert.NotEqual(path.Points[i - 1].Sentence.Text, path.Points[i].Sentence.Text);
        }
    }

    [Fact]
    public void Paraphrases_are_distinct_exclude_the_input_and_are_ranked()
    {
        var options = new DecodingOptions { Strategy = DecodingStrategy.TopK, TopK = 20 };
        var byLikelihood = _generator.Paraphrase(First, 30, 1.0, options, 5, ParaphraseRanking.Likelihood);
        var byDistance = _generator.Paraphrase(First, 30, 1.0, options, 5, ParaphraseRanking.Distance);

        Assert.Equal(30, byLikelihood.Candidates);
        Assert.NotEmpty(byLikelihood.Paraphrases);
        Assert.Equal(byLikelihood.Paraphrases.Count, byLikelihood.Paraphrases.Select(p => p.Text).Distinct().Count());
        Assert.DoesNotContain(byLikelihood.Paraphrases, p => p.Text == byLikelihood.Input.AsRead || p.Text.Length == 0);
        Assert.Equal(byLikelihood.Paraphrases.Select(p => p.Score).OrderDescending(), byLikelihood.Paraphrases.Select(p => p.Score));
        Assert.Equal(byDistance.Paraphrases.Select(p => p.Distance).Order(), byDistance.Paraphrases.Select(p => p.Distance));

        // Radius 0 and greedy decoding: all candidates decode the same z, so at most one survives, never the input.
        var input = byLikelihood.Paraphrases[0].Text;
        var collapsed = _generator.Paraphrase(input, 25, 0, Greedy, 0, ParaphraseRanking.Likelihood);
        Assert.True(collapsed.Paraphrases.Count <= 1);
        Assert.DoesNotContain(collapsed.Paraphrases, p => p.Text == collapsed.Input.AsRead);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    public void An_empty_sentence_is_a_one_line_error(string sentence)
    {
        var error = Assert.ThrowsAny<TextVaeException>(() => _generator.Reconstruct(sentence, false, Greedy, 0));

        Assert.Equal("input: the sentence is empty", error.Message);
        Assert.Contains("second sentence", Assert.ThrowsAny<TextVaeException>(() => _generator.Interpolate(First, sentence, 3, InterpolationPath.Linear, Greedy)).Message);
    }

    [Fact]
    public void Unknown_words_long_inputs_and_control_characters_are_reported_not_fatal()
    {
        var unknown = _generator.Reconstruct("the zqxvw man said blorfnik zqxvw .", false, Greedy, 0).Input;
        Assert.Equal(["zqxvw", "blorfnik"], unknown.UnknownWords);
        Assert.Contains(unknown.Notices, notice => notice.Contains("zqxvw, blorfnik"));

        var maxLength = _generator.Checkpoint.Config.Data.MaxLength;
        var long_ = _generator.Read(string.Join(' ', Enumerable.Repeat("the", maxLength + 5)));
        Assert.True(long_.Truncated);
        Assert.Equal(maxLength, long_.Ids.Length);
        Assert.Contains(long_.Notices, notice => notice.Contains("only the first"));

        var control = _generator.Reconstruct("the \u0001 man\u0007 .", false, Greedy, 0);
        Assert.Equal(["\u0001", "man\u0007"], control.Input.UnknownWords);
    }

    [Fact]
    public void Input_is_read_in_NFC()
    {
        Assert.Equal("caf\u00e9", _generator.Read("cafe\u0301").Text);
    }

    [Fact]
    public void Arithmetic_of_a_minus_a_plus_b_decodes_as_b()
    {
        var terms = ArithmeticTerm.Parse([First, "-", First, "+", Second]);
        var result = _generator.Arithmetic(terms, Greedy);

        Assert.Equal([1, -1, 1], result.Terms.Select(term => term.Sign));
        Assert.Equal(_generator.Reconstruct(Second, false, Greedy, 0).Output.Text, result.Output.Text);
    }

    [Fact]
    public void Encoding_streams_means_and_positive_variances_with_line_numbers_into_files()
    {
        using var directory = new TemporaryDirectory();
        var corpus = directory.Write("corpus.txt", First, "", Second, "a \"quoted\", comma .");
        var codes = _generator.Encode(_generator.Blocks(corpus, Shard.All)).ToArray();
        foreach (var name in new[] { "codes.jsonl", "codes.csv" })
        {
            using var table = LatentCodeFile.Create(directory.File(name), _generator.LatentSize, new Dictionary<string, string>());
            foreach (var code in codes)
                table.Write(code);
            table.Commit();
        }
        LatentPlot.Render(codes.Select(code => (code.Mean, code.Tokens)).ToArray(), directory.File("plot.png"), "test");

        Assert.Equal([1L, 3L, 4L], codes.Select(code => code.Line));
        Assert.All(codes, code => Assert.Equal(_generator.LatentSize, code.Mean.Length));
        Assert.All(codes, code => Assert.All(code.Variance, v => Assert.True(v > 0)));
        var lines = File.ReadAllLines(directory.File("codes.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.Equal(codes[2].Mean, JsonDocument.Parse(lines[2]).RootElement.GetProperty("mean").EnumerateArray().Select(v => v.GetSingle()));
        var csv = File.ReadAllLines(directory.File("codes.csv"));
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("4,\"a \"\"quoted\"\", comma .\",", csv[3]);
        Assert.Equal(3 + 2 * _generator.LatentSize, csv[0].Split(',').Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(directory.File("plot.png"))[..4]);
        var invalid = Assert.Throws<InvalidParameterException>(() => LatentCodeFile.Create(directory.File("codes.txt"), _generator.LatentSize, new Dictionary<string, string>()));
        Assert.Equal("outputPath", invalid.Parameter);
        Assert.Contains(".jsonl, .csv, .parquet", invalid.Message);
    }

    [Fact]
    public void The_encoder_batch_changes_the_means_only_by_rounding_and_rows_come_in_file_order()
    {
        using var directory = new TemporaryDirectory();
        var lines = File.ReadLines(RepositoryFiles.Get("corpora/default/valid.txt")).Take(60).ToList();
        lines.Insert(10, "");
        var corpus = directory.Write("corpus.txt", lines.ToArray());
        EncodedSentence[] Encode(int batchSize) => _generator.Encode(_generator.Blocks(corpus, Shard.All, blockLines: 25), batchSize).ToArray();

        var one = Encode(1);
        var expectedLines = Enumerable.Range(1, 61).Where(line => line != 11).Select(line => (long)line);
        foreach (var batchSize in new[] { 7, TextGenerator.DefaultEncodeBatch })
        {
            var batched = Encode(batchSize);
            Assert.Equal(expectedLines, batched.Select(code => code.Line));
            Assert.Equal(one.Select(code => code.Text), batched.Select(code => code.Text));
            for (var row = 0; row < one.Length; row++)
            {
                Assert.Equal(one[row].Mean, batched[row].Mean, (a, b) => Math.Abs(a - b) <= 1e-5f);
                Assert.Equal(one[row].Variance, batched[row].Variance, (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1, Math.Abs(a)));
            }
        }
        Assert.Equal("batchSize", Assert.Throws<InvalidParameterException>(() => _generator.Encode(_generator.Blocks(corpus, Shard.All), 0)).Parameter);
    }

    [Fact]
    public void Sharded_encoding_and_sampling_give_the_one_process_results()
    {
        using var directory = new TemporaryDirectory();
        var corpus = directory.Write("corpus.txt", File.ReadLines(RepositoryFiles.Get("corpora/default/valid.txt")).Take(50).ToArray());
        var whole = _generator.Encode(_generator.Blocks(corpus, Shard.All, blockLines: 6)).ToArray();
        var union = Enumerable.Range(0, 3).SelectMany(k => _generator.Encode(_generator.Blocks(corpus, new Shard(k, 3), blockLines: 6)))
            .OrderBy(code => code.Line).ToArray();
        Assert.Equal(whole.Select(code => code.Line), union.Select(code => code.Line));
        Assert.Equal(whole.SelectMany(code => code.Mean.Concat(code.Variance)), union.SelectMany(code => code.Mean.Concat(code.Variance)));

        var options = new DecodingOptions { Strategy = DecodingStrategy.Temperature, MaxLength = 12 };
        var samples = _generator.Sample(600, options, seed: 3, Shard.All).ToArray(); // three blocks of 256
        var shardSamples = Enumerable.Range(0, 4).SelectMany(k => _generator.Sample(600, options, seed: 3, new Shard(k, 4))).OrderBy(s => s.Number).ToArray();
        Assert.Equal(Enumerable.Range(1, 600).Select(n => (long)n), samples.Select(s => s.Number));
        Assert.Equal(samples, shardSamples);
    }

    [Fact]
    public void The_nearest_neighbour_of_a_corpus_sentence_is_itself()
    {
        using var directory = new TemporaryDirectory();
        var corpus = directory.Write("corpus.txt", First, Second, "he was here .", First, "", "she said yes .");

        var result = _generator.Neighbours(Second, corpus, 3);

        Assert.Equal(4, result.CorpusSentences);
        Assert.Equal(3, result.Neighbours.Count);
        Assert.Equal((Second, 2L), (result.Neighbours[0].Text, result.Neighbours[0].LineNumber));
        Assert.True(result.Neighbours[0].Distance < 1e-5);
        Assert.Equal(result.Neighbours.Select(n => n.Distance).Order(), result.Neighbours.Select(n => n.Distance));
    }

    [Fact]
    public void Neighbours_from_an_encoded_file_match_those_from_the_corpus_and_another_models_file_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var corpus = directory.Write("corpus.txt", Second, "he was here .", First, "", "she said yes .");
        var codes = directory.File("codes.parquet");
        using (var table = LatentCodeFile.Create(codes, _generator.LatentSize, new Dictionary<string, string> { ["textvae.checkpoint_sha256"] = "model-a" }))
        {
            foreach (var code in _generator.Encode(_generator.Blocks(corpus, Shard.All)))
                table.Write(code);
            table.Commit();
        }

        var fromCorpus = _generator.Neighbours(First, corpus, 3);
        var fromCodes = _generator.Neighbours(First, codes, "model-a", 3);

        Assert.Equal(4, fromCodes.CorpusSentences);
        Assert.Equal(fromCorpus.Neighbours.Select(n => (n.Text, n.LineNumber)), fromCodes.Neighbours.Select(n => (n.Text, n.LineNumber)));
        Assert.Equal(fromCorpus.Neighbours.Select(n => n.Distance), fromCodes.Neighbours.Select(n => n.Distance), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Contains("another model", Assert.Throws<TextVaeException>(() => _generator.Neighbours(First, codes, "model-b", 3)).Message);
    }

    [Fact]
    public void Describe_names_the_model()
    {
        var description = _generator.Describe();

        Assert.Equal(_generator.Tokenizer.VocabularySize, description.VocabularySize);
        Assert.Equal(description.Info.Parameters, description.Parameters);
        Assert.Equal(_tiny.TrainCorpus, description.TrainingCorpus);
    }

    public void Dispose() => _generator.Dispose();

    private static void AssertSameSentence(GeneratedSentence expected, GeneratedSentence actual)
    {
        Assert.Equal((expected.Text, expected.Finished), (actual.Text, actual.Finished));
        Assert.Equal(expected.LogProbability, actual.LogProbability, 1e-4);
    }
}
