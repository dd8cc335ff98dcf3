using System.Security.Cryptography;
using System.Text.Json;
using TextVae.Configuration;
using TextVae.Interop;
using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Tests.Interop;

public sealed class ModelExportTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Theory]
    [InlineData(CellKind.Gru, CellKind.Gru, false)]
    [InlineData(CellKind.Lstm, CellKind.Lstm, true)]
    [InlineData(CellKind.Transformer, CellKind.Transformer, false)]
    public void Safetensors_holds_every_parameter_and_buffer_with_its_name_shape_dtype_and_values(CellKind encoder, CellKind decoder, bool tied)
    {
        var checkpoint = WriteCheckpoint(WordTokenizer(), encoder, decoder, tied);

        ModelExport.Write(checkpoint, _directory.File("export"));

        var file = new SafetensorsReader(_directory.File("export/model.safetensors"));
        Assert.Equal(0, file.HeaderLength % 8);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal(TextVaeVersion.Current, file.Metadata["textvae_version"]);
        using var model = Checkpoint.Load(checkpoint).CreateModel(CPU);
        var expected = model.state_dict();
        Assert.Equal(expected.Keys.Order(), file.Entries.Select(e => e.Name).Order());
        if (encoder == CellKind.Transformer)
            Assert.Contains("decoder.positions.sinusoids", expected.Keys); // buffers travel too
        long position = 0;
        foreach (var entry in file.Entries.OrderBy(e => e.Start))
        {
            Assert.Equal(position, entry.Start); // back to back, no holes
            position = entry.End;
            var tensor = expected[entry.Name];
            Assert.Equal("F32", entry.DType);
            Assert.Equal(tensor.shape, entry.Shape);
            Assert.Equal(tensor.contiguous().data<float>().ToArray(), file.Floats(entry));
        }
        Assert.Equal(position, file.Body.Length);
    }

    [Fact]
    public void Config_states_the_architecture_tokenizer_rules_special_tokens_version_and_checkpoint_hash()
    {
        var tokenizer = WordTokenizer();
        var checkpoint = WriteCheckpoint(tokenizer, CellKind.Lstm, CellKind.Gru, tied: false);

        var exported = ModelExport.Write(checkpoint, _directory.File("export"));

        using var config = JsonDocument.Parse(File.ReadAllBytes(_directory.File("export/config.json")));
        var root = config.RootElement;
        Assert.Equal("textvae-export", root.GetProperty("format").GetString());
        Assert.Equal(ModelExport.FormatVersion, root.GetProperty("format_version").GetInt32());
        Assert.Equal(TextVaeVersion.Current, root.GetProperty("textvae_version").GetString());
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(checkpoint)));
        Assert.Equal(hash, root.GetProperty("checkpoint").GetProperty("sha256").GetString());
        Assert.Equal(hash, exported.CheckpointSha256);
        var model = root.GetProperty("model");
        Assert.Equal(tokenizer.VocabularySize, model.GetProperty("vocabulary_size").GetInt32());
        Assert.Equal("lstm", model.GetProperty("encoder").GetString());
        Assert.Equal("gru", model.GetProperty("decoder").GetString());
        Assert.Equal(6, model.GetProperty("hidden_size").GetInt32());
        var tokens = root.GetProperty("tokenizer");
        Assert.Equal("word", tokens.GetProperty("kind").GetString());
        Assert.True(tokens.GetProperty("lowercase").GetBoolean());
        Assert.Equal("NFC", tokens.GetProperty("normalization").GetString());
        Assert.Equal(12, tokens.GetProperty("max_length").GetInt32());
        var special = root.GetProperty("special_tokens");
        Assert.Equal([SpecialTokens.Pad, SpecialTokens.Bos, SpecialTokens.Eos, SpecialTokens.Unk],
            new[] { "pad", "bos", "eos", "unk" }.Select(name => special.GetProperty(name).GetInt32()));
        Assert.Equal(["config.json", "model.safetensors", "tokenizer.json", "vocab.txt"], Directory.GetFiles(_directory.File("export")).Select(Path.GetFileName).Order());
        Assert.Equal(HuggingFaceTokenizerFile.Create(tokenizer), File.ReadAllBytes(_directory.File("export/tokenizer.json")));
        Assert.Contains("tokenizer.json", tokens.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        var vocabulary = File.ReadAllText(_directory.File("export/vocab.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, tokenizer.VocabularySize).Select(tokenizer.TokenText), vocabulary);
    }

    [Fact]
    public void A_bpe_model_exports_vocab_json_and_merges_txt_that_rebuild_the_same_tokenizer()
    {
        var corpus = _directory.Write("corpus.txt", "Köln ist schön, sagte sie.", "the cat sat on the mat .", "Übermorgen fährt der Zug um 7 Uhr.");
        var (tokenizer, _) = VocabularyBuilder.Build(corpus, new VocabularyOptions(TokenizerKind.Bpe, 300, 1));
        var checkpoint = WriteCheckpoint(tokenizer, CellKind.Gru, CellKind.Transformer, tied: true);

        ModelExport.Write(checkpoint, _directory.File("export"));

        Assert.Equal(["config.json", "merges.txt", "model.safetensors", "tokenizer.json", "vocab.json"], Directory.GetFiles(_directory.File("export")).Select(Path.GetFileName).Order());
        var rebuilt = TokenizerFiles.FromFiles(new Dictionary<string, byte[]>
        {
            [TokenizerFiles.ManifestFile] = new TokenizerManifest(TokenizerKind.Bpe, false, tokenizer.VocabularySize).ToJson(),
            ["vocab.json"] = File.ReadAllBytes(_directory.File("export/vocab.json")),
            ["merges.txt"] = File.ReadAllBytes(_directory.File("export/merges.txt")),
        });
        Assert.Equal(tokenizer.Encode("Übermorgen ist der Zug schön."), rebuilt.Encode("Übermorgen ist der Zug schön."));
        Assert.Equal(HuggingFaceTokenizerFile.Create(tokenizer), File.ReadAllBytes(_directory.File("export/tokenizer.json")));
        using var config = JsonDocument.Parse(File.ReadAllBytes(_directory.File("export/config.json")));
        Assert.Equal(BpeSentenceTokenizer.PreTokenPattern().ToString(), config.RootElement.GetProperty("tokenizer").GetProperty("pre_tokenizer").GetString());
    }

    [Fact]
    public void A_second_export_replaces_the_first_but_a_folder_of_other_files_is_refused()
    {
        var checkpoint = WriteCheckpoint(WordTokenizer(), CellKind.Gru, CellKind.Gru, tied: false);
        ModelExport.Write(checkpoint, _directory.File("export"));
        ModelExport.Write(checkpoint, _directory.File("export"));
        Directory.CreateDirectory(_directory.File("other"));
        _directory.Write("other/notes.txt", "mine");

        var error = Assert.Throws<TextVaeException>(() => ModelExport.Write(checkpoint, _directory.File("other")));

        Assert.Contains("not empty", error.Message);
        Assert.Equal("mine\n", File.ReadAllText(_directory.File("other/notes.txt")));
    }

    private static WordTokenizer WordTokenizer() => new(["the", "cat", "sat", "on", "mat", "."], lowercase: true);

    private string WriteCheckpoint(ISentenceTokenizer tokenizer, CellKind encoder, CellKind decoder, bool tied)
    {
        manual_seed(5);
        var config = new TrainConfig
        {
            Data = new() { MaxLength = 12 },
            Model = new ModelOptions
            {
                VocabularySize = tokenizer.VocabularySize,
                EmbeddingSize = 6,
                HiddenSize = 6,
                LatentSize = 3,
                Encoder = encoder,
                Decoder = decoder,
                TieEmbeddings = tied,
                TransformerHeads = 2,
                TransformerFeedForward = 8,
                MaxPositions = 16,
            },
        };
        using var model = new SentenceVae(config.Model);
        var path = _directory.File($"{encoder}-{decoder}-{tokenizer.Kind}.tvae");
        Checkpoint.Capture(config, tokenizer, model, null, new TrainingState { Step = 7 }, null).Save(path);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}
