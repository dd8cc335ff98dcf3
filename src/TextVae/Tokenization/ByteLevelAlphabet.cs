namespace TextVae.Tokenization;

/// <summary>
/// GPT-2's byte-to-character table, which Microsoft.ML.Tokenizers' byte-level BPE applies before merging:
/// printable Latin-1 bytes stand for themselves, the other 68 bytes are shifted to U+0100 and up, so every
/// byte sequence has a visible, whitespace-free spelling in <c>vocab.json</c> and <c>merges.txt</c>.
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildTable();
    private static readonly Dictionary<char, byte> CharToByte = Enumerable.Range(0, 256).ToDictionary(b => ByteToChar[b], b => (byte)b);

    public static char Symbol(byte value) => ByteToChar[value];

    /// <summary>The bytes a byte-level spelling stands for; null when it holds a character outside the alphabet.</summary>
    public static byte[]? Unspell(string spelling)
    {
        var bytes = new byte[spelling.Length];
        for (var i = 0; i < spelling.Length; i++)
        {
            if (!CharToByte.TryGetValue(spelling[i], out bytes[i]))
                return null;
        }
        return bytes;
    }

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
