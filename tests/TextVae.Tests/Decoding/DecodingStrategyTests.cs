using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using TextVae.Decoding;
using static TorchSharp.torch;

namespace TextVae.Tests.Decoding;

/// <summary>
/// Each decoding strategy on the tiny model, once as trained and once with its output layer set by hand so every step
/// has the same known distribution: tokens 4 … 9 with logits 6 … 1, every other token logit 0.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class DecodingStrategyTests : IDisposable
{
    private const int Rows = 200;
    private static readonly int[] Likeliest = [4, 5, 6, 7, 8, 9];

    private readonly SentenceVae _trained;
    private readonly SentenceVae _known;

    public DecodingStrategyTests(TinyModel tiny)
    {
        var checkpoint = Checkpoint.Load(tiny.Checkpoint);
        _trained = checkpoint.CreateModel(CPU);
        _known = checkpoint.CreateModel(CPU);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in _known.named_parameters())
        {
            if (name == "output.weight")
                parameter.zero_();
            else if (name == "output.bias")
            {
                parameter.zero_();
                for (var i = 0; i < Likeliest.Length; i++)
                    parameter[Likeliest[i]] = 6 - i;
            }
        }
    }

    [Fact]
    public void Greedy_is_deterministic_and_always_takes_the_argmax()
    {
        var options = new DecodingOptions { Strategy = DecodingStrategy.Greedy, MaxLength = 8 };
        var first = SentenceDecoding.Decode(_known, Latents(Rows, 1), options);
        var second = SentenceDecoding.Decode(_known, Latents(Rows, 2), options);

        Assert.All(first.Concat(second), sentence => Assert.Equal(Enumerable.Repeat(4, 8), sentence.Ids));
        var trained = Latents(Rows, 3);
        Assert.Equal(Ids(SentenceDecoding.Decode(_trained, trained, options)), Ids(SentenceDecoding.Decode(_trained, trained, options)));
    }

    [Fact]
    public void Top_k_never_leaves_the_k_likeliest_tokens_and_uses_all_of_them()
    {
        var options = new DecodingOptions { Strategy = DecodingStrategy.TopK, TopK = 3, MaxLength = 10 };
        var tokens = SentenceDecoding.Decode(_known, Latents(Rows, 4), options, new Generator(5, CPU)).SelectMany(s => s.Ids).ToArray();

        Assert.Equal(Rows * 10, tokens.Length);
        Assert.Equal([4, 5, 6], tokens.Distinct().Order());
    }

    [Fact]
    public void Top_p_never_leaves_the_nucleus()
    {
        // Probabilities ≈ 0.357, 0.131, 0.048, 0.018 …: the mass before the fourth token already exceeds 0.5.
        var options = new DecodingOptions { Strategy = DecodingStrategy.TopP, TopP = 0.5, MaxLength = 10 };
        var tokens = SentenceDecoding.Decode(_known, Latents(Rows, 6), options, new Generator(7, CPU)).SelectMany(s => s.Ids).ToArray();

        Assert.Equal([4, 5, 6], tokens.Distinct().Order());
    }

    [Fact]
    public void Plain_temperature_sampling_does_leave_the_likeliest_tokens()
    {
        // The contrast that gives the top-k and top-p tests their power: outside {4 … 9} lies 44% of the mass.
        var options = new DecodingOptions { Strategy = DecodingStrategy.Temperature, MaxLength = 10 };
        var sentences = SentenceDecoding.Decode(_known, Latents(Rows, 8), options, new Generator(9, CPU));

        Assert.Contains(sentences.SelectMany(s => s.Ids), id => !Likeliest.Contains(id));
    }

    [Fact]
    public void Temperature_near_zero_equals_greedy()
    {
        var z = Latents(Rows, 10);
        var greedy = SentenceDecoding.Decode(_trained, z, new DecodingOptions { Strategy = DecodingStrategy.Greedy });
        var cold = SentenceDecoding.Decode(_trained, z, new DecodingOptions { Strategy = DecodingStrategy.Temperature, Temperature = 1e-4 }, new Generator(11, CPU));

        Assert.Equal(Ids(greedy), Ids(cold));
        Assert.All(SentenceDecoding.Decode(_known, z, new DecodingOptions { Strategy = DecodingStrategy.Temperature, Temperature = 1e-4, MaxLength = 5 }, new Generator(12, CPU)),
            sentence => Assert.Equal(Enumerable.Repeat(4, 5), sentence.Ids));
    }

    [Fact]
    public void Beam_width_one_equals_greedy_exactly()
    {
        var z = Latents(Rows, 13);
        var greedy = SentenceDecoding.Decode(_trained, z, new DecodingOptions { Strategy = DecodingStrategy.Greedy });
        var beam = SentenceDecoding.Decode(_trained, z, new DecodingOptions { Strategy = DecodingStrategy.Beam, BeamWidth = 1 });

        Assert.Equal(Ids(greedy), Ids(beam));
        Assert.Equal(greedy.Select(s => s.LogProbability), beam.Select(s => s.LogProbability), (x, y) => Math.Abs(x - y) < 1e-4);
    }

    [Fact]
    public void Scores_are_the_log_probability_of_the_tokens_under_the_known_distribution()
    {
        var options = new DecodingOptions { Strategy = DecodingStrategy.Greedy, MaxLength = 3, AllowUnknown = true };
        var sentence = SentenceDecoding.Decode(_known, Latents(1, 14), options)[0];
        // Renormalised over the tokens a sentence may contain: every token but <pad> and <bos>.
        var logits = Enumerable.Range(SpecialTokens.Eos, _known.Options.VocabularySize - SpecialTokens.Eos).Select(id => Likeliest.Contains(id) ? 10.0 - id : 0).ToArray();
        var logPartition = Math.Log(logits.Sum(Math.Exp));

        Assert.False(sentence.Finished);
        Assert.Equal(3 * (6 - logPartition), sentence.LogProbability, 4);
        Assert.NotEqual(SpecialTokens.Eos, sentence.Ids[^1]);
    }

    [Theory]
    [InlineData(DecodingStrategy.Greedy)]
    [InlineData(DecodingStrategy.Temperature)]
    [InlineData(DecodingStrategy.Beam)]
    public void Unknown_is_never_decoded_unless_allowed(DecodingStrategy strategy)
    {
        using var scope = NewDisposeScope();
        var z = Latents(16, 15);
        var options = new DecodingOptions { Strategy = strategy, MaxLength = 10 };

        var restricted = SentenceDecoding.Decode(_trained, z, options, new Generator(16, CPU));
        var allowed = SentenceDecoding.Decode(_trained, z, options with { AllowUnknown = true }, new Generator(16, CPU));

        Assert.DoesNotContain(restricted, s => s.Ids.Contains(SpecialTokens.Unk));
        Assert.Contains(allowed, s => s.Ids.Contains(SpecialTokens.Unk)); // the tiny model's favourite token
    }

    [Theory]
    [InlineData(DecodingStrategy.Greedy)]
    [InlineData(DecodingStrategy.TopK)]
    [InlineData(DecodingStrategy.Beam)]
    public void Pad_and_bos_are_never_decoded_even_when_their_logits_win(DecodingStrategy strategy)
    {
        // Tied embeddings score tokens with the embedding matrix, whose <pad> row is zero: its logit is always 0.
        // Here every other row scores below 0, so <pad> is the argmax at every step; <bos> is made the runner-up.
        using var scope = NewDisposeScope();
        using var tied = new SentenceVae(new ModelOptions
        {
            VocabularySize = 12,
            EmbeddingSize = 4,
            HiddenSize = 8,
            LatentSize = 2,
            Encoder = CellKind.Gru,
            Decoder = CellKind.Gru,
            TieEmbeddings = true,
        });
        using (no_grad())
            foreach (var (name, parameter) in tied.named_parameters())
            {
                if (name == "toEmbedding.weight")
                    parameter.zero_();
                else if (name == "toEmbedding.bias")
                    parameter.fill_(1);
                else if (name == "embedding.weight")
                {
                    parameter[TensorIndex.Slice(1)] = -1; // logit −4 for every token but <pad>
                    parameter[SpecialTokens.Bos] = -0.1; // logit −0.4
                    parameter[7] = -0.5; // logit −2: the likeliest word
                }
            }
        tied.eval();

        var sentences = SentenceDecoding.Decode(tied, randn(20, 2), new DecodingOptions { Strategy = strategy, MaxLength = 6 }, new Generator(17, CPU));

        Assert.All(sentences, s => Assert.DoesNotContain(s.Ids, id => id is SpecialTokens.Pad or SpecialTokens.Bos));
        if (strategy != DecodingStrategy.TopK)
            Assert.All(sentences, s => Assert.Equal(Enumerable.Repeat(7, 6), s.Ids));
    }

    public void Dispose()
    {
        _trained.Dispose();
        _known.Dispose();
    }

    private Tensor Latents(int rows, int seed) => randn([rows, _trained.Options.LatentSize], generator: new Generator((ulong)seed, CPU));

    private static int[][] Ids(DecodedSentence[] sentences) => sentences.Select(s => s.Ids).ToArray();
}
