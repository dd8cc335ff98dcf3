namespace TextVae.Compression;

/// <summary>
/// A text as the compressor sees it: lines cut at '\n' (a '\r' stays part of its line, so CRLF survives), each
/// line's tokens cut into chunks of at most <c>chunkTokens</c>. A line ends with its first chunk shorter than that,
/// so a line of exactly k·chunkTokens tokens gets a final empty chunk; an empty line is one empty chunk.
/// </summary>
public sealed record TextLayout(IReadOnlyList<int[]> Chunks, long LineCount, bool FinalNewline)
{
    public static TextLayout Of(ReadOnlySpan<byte> text, VerbatimTokenizer tokenizer, int chunkTokens)
    {
        var chunks = new List<int[]>();
        long lines = 0;
        var finalNewline = !text.IsEmpty && text[^1] == (byte)'\n';
        var rest = finalNewline ? text[..^1] : text;
        while (!text.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            var tokens = tokenizer.Encode(line);
            for (var start = 0; ; start += chunkTokens)
            {
                var length = Math.Min(chunkTokens, tokens.Count - start);
                chunks.Add(tokens.GetRange(start, length).ToArray());
                if (length < chunkTokens)
                    break;
            }
            lines++;
            if (end < 0)
                break;
            rest = rest[(end + 1)..];
        }
        return new TextLayout(chunks, lines, finalNewline);
    }

    /// <summary>The bytes of decoded chunks, or null when they do not form <paramref name="lineCount"/> lines.</summary>
    public static byte[]? Join(IReadOnlyList<int[]> chunks, VerbatimTokenizer tokenizer, int chunkTokens, long lineCount, bool finalNewline)
    {
        var text = new List<byte>();
        long lines = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            foreach (var id in chunks[i])
                text.AddRange(tokenizer.Bytes(id));
            if (chunks[i].Length == chunkTokens)
                continue;
            lines++;
            if (lines < lineCount || finalNewline)
                text.Add((byte)'\n');
        }
        var complete = chunks.Count == 0 || chunks[^1].Length < chunkTokens;
        return lines == lineCount && complete && (lineCount > 0 || !finalNewline) ? [.. text] : null;
    }
}
