using System.Text;
using TextVae.Corpora;

namespace TextVae.Tests.Corpora;

public class CorpusReaderTests
{
    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(part => part is string text ? Encoding.UTF8.GetBytes(text) : (byte[])part)];

    [Fact]
    public void Skips_invalid_utf8_lines_and_reports_their_numbers()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteBytes("c.txt", Bytes("good one\n", new byte[] { 0x62, 0x61, 0x64, 0xFF, 0x0A }, "Grüße\n", new byte[] { 0xC3, 0x28, 0x0A }, "last"));
        var reader = new CorpusReader(path);

        var lines = reader.ReadLines().ToList();

        Assert.Equal([new CorpusLine(1, "good one"), new CorpusLine(3, "Grüße"), new CorpusLine(5, "last")], lines);
        Assert.Equal(2, reader.Statistics.InvalidLines);
        Assert.Equal([2L, 4L], reader.Statistics.InvalidLineNumbers);
    }

    [Fact]
    public void Strict_reading_stops_at_the_first_invalid_line_naming_file_and_line()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteBytes("c.txt", Bytes("good\n", "good\n", new byte[] { 0xE2, 0x82, 0x0A }));

        var error = Assert.Throws<TextVaeException>(() => new CorpusReader(path, strict: true).ReadLines().ToList());

        Assert.StartsWith($"{path}:3: invalid UTF-8", error.Message);
    }

    [Fact]
    public void Skips_empty_lines_and_strips_bom_and_carriage_returns()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteBytes("c.txt", Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "first\r\n\r\n   \n\tsecond line\r\n\n"));
        var reader = new CorpusReader(path);

        Assert.Equal(["first", "\tsecond line"], reader.ReadLines().Select(line => line.Text));
        Assert.Equal(new CorpusLineStatistics(5, 2, 3, 0, []).ToString(), reader.Statistics.ToString());
    }

    [Fact]
    public void Reads_lines_longer_than_its_buffer()
    {
        using var temp = new TemporaryDirectory();
        var longLine = string.Concat(Enumerable.Repeat("wörter ", 30_000));
        var path = temp.Write("c.txt", "short", longLine, "end");

        Assert.Equal(["short", longLine, "end"], new CorpusReader(path).ReadLines().Select(line => line.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void A_corpus_without_usable_lines_is_an_error_naming_the_file(string contents)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteBytes("empty.txt", Encoding.UTF8.GetBytes(contents));

        var error = Assert.Throws<TextVaeException>(() => new CorpusReader(path).ReadLines().ToList());

        Assert.StartsWith($"{path}: no usable sentence", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_corpus_of_only_invalid_lines_is_an_error()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteBytes("bad.txt", [0xFF, 0x0A, 0xFE]);

        Assert.Contains("2 invalid UTF-8", Assert.Throws<TextVaeException>(() => new CorpusReader(path).ReadLines().ToList()).Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        Assert.Contains("/no/such/corpus.txt", Assert.Throws<TextVaeException>(() => new CorpusReader("/no/such/corpus.txt").ReadLines()).Message);
    }
}
