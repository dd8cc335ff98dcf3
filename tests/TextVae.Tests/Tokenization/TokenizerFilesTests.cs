using System.Text;
using TextVae.Tokenization;

namespace TextVae.Tests.Tokenization;

public class TokenizerFilesTests
{
    private static WordTokenizer SmallWordTokenizer() => new(["the", "cat"], lowercase: false);

    [Fact]
    public void Save_then_load_gives_the_same_tokenizer()
    {
        using var temp = new TemporaryDirectory();
        var folder = Path.Combine(temp.Path, "vocab");
        var trainer = new BpeTokenizerTrainer(300, 1, false);
        trainer.Add("the cat sat on the mat");

        TokenizerFiles.Save(trainer.Train(), folder);
        var loaded = TokenizerFiles.Load(folder);

        Assert.Equal(["merges.txt", "tokenizer.json", "vocab.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal(TokenizerKind.Bpe, loaded.Kind);
        Assert.Equal("the cat sat", loaded.Decode(loaded.Encode("the cat sat")));
    }

    [Fact]
    public void Manifest_names_kind_lowercase_and_version()
    {
        var manifest = Encoding.UTF8.GetString(new WordTokenizer(["x"], lowercase: true).ExportFiles()[TokenizerFiles.ManifestFile]);

        Assert.Contains("\"kind\": \"word\"", manifest);
        Assert.Contains("\"lowercase\": true", manifest);
        Assert.Contains("\"version\": 1", manifest);
    }

    [Fact]
    public void A_vocabulary_that_disagrees_with_its_manifest_is_an_error()
    {
        var files = new Dictionary<string, byte[]>(SmallWordTokenizer().ExportFiles())
        {
            [WordTokenizer.VocabularyFile] = Encoding.UTF8.GetBytes("<pad>\n<bos>\n<eos>\n<unk>\nthe\n"),
        };

        var error = Assert.ThrowsAny<TextVaeException>(() => TokenizerFiles.FromFiles(files, "ckpt"));
        Assert.StartsWith("ckpt:", error.Message);
    }

    [Fact]
    public void Special_tokens_out_of_place_are_an_error()
    {
        var files = new Dictionary<string, byte[]>(SmallWordTokenizer().ExportFiles())
        {
            [WordTokenizer.VocabularyFile] = Encoding.UTF8.GetBytes("<bos>\n<pad>\n<eos>\n<unk>\nthe\ncat\n"),
        };

        Assert.Contains("<pad>", Assert.ThrowsAny<TextVaeException>(() => TokenizerFiles.FromFiles(files)).Message);
    }

    [Fact]
    public void Missing_manifest_or_unknown_kind_is_an_error()
    {
        var files = new Dictionary<string, byte[]>(SmallWordTokenizer().ExportFiles());
        files.Remove(TokenizerFiles.ManifestFile);
        Assert.Contains("tokenizer.json is missing", Assert.ThrowsAny<TextVaeException>(() => TokenizerFiles.FromFiles(files)).Message);

        files[TokenizerFiles.ManifestFile] = Encoding.UTF8.GetBytes("""{ "kind": "unigram", "lowercase": false, "vocabularySize": 6, "version": 1 }""");
        Assert.Contains("unigram", Assert.ThrowsAny<TextVaeException>(() => TokenizerFiles.FromFiles(files)).Message);
    }

    [Fact]
    public void Missing_folder_is_an_error_naming_it()
    {
        Assert.Contains("/no/such/vocab", Assert.ThrowsAny<TextVaeException>(() => TokenizerFiles.Load("/no/such/vocab")).Message);
    }
}
