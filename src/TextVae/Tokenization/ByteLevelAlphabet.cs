namespace TextVae.Tokenization;

/// <summary>
/// GPT-2's byte-to-character table, which Microsoft.ML.Tokenizers' byte-level BPE applies before merging:
/// printable Latin-1 bytes stand for themselves, the other 68 bytes are shifted to U+0100 and up, so every
/// byte sequence has a visible, whitespace-free spelling in <c>vocab.json</c> and <c>merges.txt</c>.
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildTable();

    public static char Symbol(byte value) => ByteToChar[value];

    private static char[] BuildTable()
    {
        var table = new char[256];
        var shifted = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            table[b] = printable ? (char)b : (char)(256 + shifted++);
        }
        return table;
    }
}
