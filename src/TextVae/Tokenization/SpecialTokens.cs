namespace TextVae.Tokenization;

/// <summary>Ids and spellings of the special tokens; the same in every vocabulary so models and data agree without lookups.</summary>
public static class SpecialTokens
{
    public const int Pad = 0;
    public const int Bos = 1;
    public const int Eos = 2;
    public const int Unk = 3;
    public const int Count = 4;

    public const string PadText = "<pad>";
    public const string BosText = "<bos>";
    public const string EosText = "<eos>";
    public const string UnkText = "<unk>";

    public static readonly string[] Texts = [PadText, BosText, EosText, UnkText];
}
