using TextVae.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace TextVae.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Libtorch_is_loaded_and_computes()
    {
        TorchRuntime.EnsureLoaded();
        using var sum = tensor(new float[] { 1, 2, 3 }).sum();
        Assert.Equal(6f, sum.item<float>());
        Assert.Equal(TorchRuntime.HostProvides(TorchRuntime.MissingVersion, TorchRuntime.MarkerSymbol), TorchRuntime.PatchedLibraryPath is null);
    }

    [Fact]
    public void The_cpu_device_is_always_available_and_unknown_choices_are_named_in_the_error()
    {
        Assert.Equal(DeviceType.CPU, DeviceSelector.Resolve(DeviceChoice.Cpu).type);
        var error = Assert.Throws<InvalidParameterException>(() => DeviceSelector.Resolve((DeviceChoice)7));
        Assert.Equal("device", error.Parameter);
        Assert.Contains("must be one of auto, cpu, cuda", error.Message);
    }
}

public class TorchTrainingSmokeTests
{
    [Fact]
    public void A_tiny_lstm_language_model_learns_from_real_sentences_of_the_shipped_corpus()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        using var directory = new TemporaryDirectory();
        var sentences = File.ReadLines(RepositoryFiles.Get("corpora/default/train.txt")).Take(64).ToArray();
        var corpus = directory.Write("head.txt", sentences);
        var (tokenizer, _) = TextVae.Tokenization.VocabularyBuilder.Build(corpus, new TextVae.Tokenization.VocabularyOptions(TextVae.Tokenization.TokenizerKind.Word, 300, MinCount: 1));
        var encoded = TextVae.Data.EncodedCorpus.Load(corpus, tokenizer, new TextVae.Data.DataOptions());
        var batch = new TextVae.Data.BucketedBatcher(encoded.Sentences, new TextVae.Data.DataOptions { BatchSize = 64 })
            .MakeBatch(Enumerable.Range(0, encoded.Sentences.Count).ToArray());
        var inputs = batch.Tokens[TensorIndex.Colon, TensorIndex.Slice(0, -1)];
        var targets = batch.Tokens[TensorIndex.Colon, TensorIndex.Slice(1)];

        var embedding = nn.Embedding(tokenizer.VocabularySize, 32);
        var lstm = nn.LSTM(32, 64, batchFirst: true);
        var output = nn.Linear(64, tokenizer.VocabularySize);
        using var optimizer = optim.Adam(embedding.parameters().Concat(lstm.parameters()).Concat(output.parameters()), 0.01);
        float Loss()
        {
            var (hidden, _, _) = lstm.call(embedding.call(inputs));
            var loss = nn.functional.cross_entropy(output.call(hidden).reshape(-1, tokenizer.VocabularySize), targets.reshape(-1), ignore_index: 0);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var first = Loss();
        for (var step = 0; step < 30; step++)
            Loss();
        var last = Loss();

        Assert.True(last < 0.7 * first, $"loss went from {first} to {last}");
    }
}
