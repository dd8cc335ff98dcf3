namespace TextVae.Data;

/// <summary>A corpus sentence as the model reads it, with the 1-based line it came from.</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Text">The line as read (valid UTF-8, not empty).</param>
/// <param name="Ids">Token ids cut to data.maxLength, without &lt;bos&gt;/&lt;eos&gt;.</param>
/// <param name="TokenCount">Tokens before the cut.</param>
public sealed record NumberedSentence(long Line, string Text, int[] Ids, int TokenCount)
{
    public bool Truncated => Ids.Length < TokenCount;

    /// <summary>Target tokens: the kept tokens plus &lt;eos&gt;.</summary>
    public int Targets => Ids.Length + 1;
}
