using System.Text;

namespace TextVae.Corpora;

/// <summary>
/// Streams a UTF-8 corpus (one sentence per line) without loading it whole. Each line is decoded strictly:
/// a line with invalid bytes is skipped and its number recorded, or with <c>strict</c> stops the read with an error.
/// Empty and whitespace-only lines are skipped; a file with no usable line, or with a NUL byte (binary or UTF-16),
/// is an error naming the file.
/// </summary>
public sealed class CorpusReader(string path, bool strict = false)
{
    public const int ListedInvalidLines = 20;
    private const int ChunkSize = 1 << 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly List<long> _invalidLineNumbers = [];
    private long _lines;
    private long _usable;
    private long _empty;
    private long _invalid;

    public string Path { get; } = path;

    /// <summary>Counts of the last completed <see cref="ReadLines"/> enumeration.</summary>
    public CorpusLineStatistics Statistics => new(_lines, _usable, _empty, _invalid, _invalidLineNumbers.ToArray());

    public IEnumerable<CorpusLine> ReadLines()
    {
        if (Directory.Exists(Path))
            throw new TextVaeException($"{Path} is a folder, not a corpus file");
        if (!File.Exists(Path))
            throw new TextVaeException($"corpus file not found: {Path}");
        _lines = _usable = _empty = _invalid = 0;
        _invalidLineNumbers.Clear();
        return ReadExistingFile();
    }

    private IEnumerable<CorpusLine> ReadExistingFile()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        var chunk = new byte[ChunkSize];
        var line = new byte[256];
        var lineLength = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                Append(ref line, ref lineLength, chunk.AsSpan(start, end - start));
                start = end + 1;
                if (newline < 0)
                    break;
                if (Accept(line, lineLength) is { } complete)
                    yield return complete;
                lineLength = 0;
            }
        }
        // The last line needs no newline; a file that ends with one has no further line.
        if (lineLength > 0 && Accept(line, lineLength) is { } last)
            yield return last;
        if (_usable == 0)
            throw new TextVaeException($"{Path}: no usable sentence ({DescribeEmpty()})");
    }

    private CorpusLine? Accept(byte[] line, int length)
    {
        var number = ++_lines;
        var bytes = line.AsSpan(0, length);
        if (number == 1 && bytes.StartsWith(ByteOrderMark))
            bytes = bytes[ByteOrderMark.Length..];
        if (bytes.EndsWith((byte)'\r'))
            bytes = bytes[..^1];
        // Text never holds NUL, while binary files and UTF-16 text are full of it: skipping such lines as
        // invalid would quietly train on the stray ASCII runs of an executable or an image.
        if (bytes.Contains((byte)0))
            throw new TextVaeException($"{Path}:{number}: contains a NUL byte; this is not UTF-8 text (a binary file, or UTF-16?)");
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            if (strict)
                throw new TextVaeException($"{Path}:{number}: invalid UTF-8 (strict reading stops at the first such line)");
            _invalid++;
            if (_invalidLineNumbers.Count < ListedInvalidLines)
                _invalidLineNumbers.Add(number);
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            _empty++;
            return null;
        }
        _usable++;
        return new CorpusLine(number, text);
    }

    private string DescribeEmpty() => _lines == 0
        ? "the file is empty"
        : $"{_lines} line(s): {_empty} empty, {_invalid} invalid UTF-8";

    private static void Append(ref byte[] line, ref int length, ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > line.Length)
            Array.Resize(ref line, Math.Max(line.Length * 2, length + bytes.Length));
        bytes.CopyTo(line.AsSpan(length));
        length += bytes.Length;
    }
}
