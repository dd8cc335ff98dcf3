namespace TextVae.Tokenization;

/// <summary>
/// Turns a sentence into token ids and back. Ids 0–3 are the <see cref="SpecialTokens"/>; <see cref="Encode"/>
/// returns the sentence's own tokens only (no <c>&lt;bos&gt;</c>/<c>&lt;eos&gt;</c>): the data pipeline adds those.
/// </summary>
public interface ISentenceTokenizer
{
    /// <summary>The key <see cref="TokenizerFiles"/> uses to rebuild the tokenizer.</summary>
    TokenizerKind Kind { get; }

    int VocabularySize { get; }

    IReadOnlyList<int> Encode(string sentence);

    /// <summary>Text of the ids; special tokens other than <c>&lt;unk&gt;</c> are dropped.</summary>
    string Decode(IEnumerable<int> ids);

    /// <summary>The spelling of one token, for display and diagnostics.</summary>
    string TokenText(int id);

    /// <summary>The files that rebuild this tokenizer (name → contents), stored inside every checkpoint.</summary>
    IReadOnlyDictionary<string, byte[]> ExportFiles();
}
