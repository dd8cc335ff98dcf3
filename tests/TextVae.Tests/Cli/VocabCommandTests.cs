using TextVae.Cli;
using TextVae.Tokenization;

namespace TextVae.Tests.Cli;

public class VocabCommandTests
{
    [Fact]
    public async Task Build_writes_the_files_and_prints_size_and_coverage()
    {
        using var temp = new TemporaryDirectory();
        var corpus = temp.Write("c.txt", "The cat sat .", "the dog sat .");
        var folder = Path.Combine(temp.Path, "vocab", "tiny");
        var output = new StringWriter();

        var code = await TextVaeCommandLine.RunAsync(
            ["vocab", "build", "--corpus", corpus, "--kind", "word", "--size", "100", "--min-count", "1", "--lowercase", "--out", folder], output);

        Assert.Equal(0, code);
        Assert.Contains("size       9", output.ToString());
        Assert.Contains("coverage   100.00%", output.ToString());
        Assert.Equal("the cat sat .", TokenizerFiles.Load(folder).Decode(TokenizerFiles.Load(folder).Encode("THE cat sat .")));
    }

    [Fact]
    public async Task An_empty_corpus_is_a_one_line_error_naming_the_file()
    {
        using var temp = new TemporaryDirectory();
        var corpus = temp.Write("empty.txt");
        var error = new StringWriter();

        var code = await TextVaeCommandLine.RunAsync(
            ["vocab", "build", "--corpus", corpus, "--kind", "bpe", "--size", "300", "--out", Path.Combine(temp.Path, "v")], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Equal($"textvae: error: {corpus}: no usable sentence (the file is empty)\n", error.ToString());
    }
}
