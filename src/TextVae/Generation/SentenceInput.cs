namespace TextVae.Generation;

/// <summary>A sentence given by the user as the model reads it, with what did not fit: unknown words and truncation.</summary>
/// <param name="Text">The input in Unicode NFC, trimmed.</param>
/// <param name="AsRead">The text of <paramref name="Ids"/>: what the encoder sees, with <c>&lt;unk&gt;</c> where words are unknown.</param>
/// <param name="Ids">Token ids, at most data.maxLength of them.</param>
/// <param name="UnknownWords">Words of the input the vocabulary maps to <c>&lt;unk&gt;</c>, each once, in order.</param>
/// <param name="TokenCount">Tokens of the whole input, before truncation.</param>
public sealed record SentenceInput(string Text, string AsRead, int[] Ids, IReadOnlyList<string> UnknownWords, int TokenCount)
{
    public bool Truncated => Ids.Length < TokenCount;

    /// <summary>One line per thing the user should know about how the input was read; none when it was read as typed.</summary>
    public IReadOnlyList<string> Notices
    {
        get
        {
            var notices = new List<string>();
            if (UnknownWords.Count > 0)
                notices.Add($"unknown word(s) in \"{Text}\", read as <unk>: {string.Join(", ", UnknownWords)}");
            if (Truncated)
                notices.Add($"\"{Text}\" has {TokenCount} tokens; only the first {Ids.Length} are read (data.maxLength)");
            return notices;
        }
    }
}
