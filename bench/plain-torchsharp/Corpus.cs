using System.Text;
using static TorchSharp.torch;

namespace PlainTorchSharp;

/// <summary>
/// bowman_vae.py's data: the first sentences of a UTF-8 file, split on whitespace and cut to a maximum length, as
/// word ids in a vocabulary of the special tokens plus the most frequent words of those sentences.
/// </summary>
public sealed class Corpus
{
    public const long Pad = 0, Bos = 1, Eos = 2, Unk = 3;
    public static readonly IReadOnlyList<string> SpecialTokens = ["<pad>", "<bos>", "<eos>", "<unk>"];

    private Corpus(IReadOnlyList<Tensor> sentences, int vocabularySize)
    {
        Sentences = sentences;
        VocabularySize = vocabularySize;
    }

    /// <summary>One int64 tensor of word ids per sentence, without &lt;bos&gt; or &lt;eos&gt;.</summary>
    public IReadOnlyList<Tensor> Sentences { get; }

    /// <summary>At most the size asked for; fewer when the sentences have fewer word types.</summary>
    public int VocabularySize { get; }

    /// <summary>The first <paramref name="sentences"/> lines that have a token, as <c>load_corpus</c> reads them.</summary>
    public static Corpus Load(string path, int sentences, int maxLength, int vocabularySize)
    {
        var tokenized = new List<string[]>();
        // Python's open(..., encoding="utf-8"): a byte-order mark is text and invalid UTF-8 is an error.
        using (var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false))
            while (tokenized.Count < sentences && reader.ReadLine() is { } line)
                if (SplitOnWhitespace(line).Take(maxLength).ToArray() is { Length: > 0 } tokens)
                    tokenized.Add(tokens);

        // Counter.most_common: by count, ties in order of first appearance (OrderByDescending is stable).
        var counts = new Dictionary<string, int>();
        var firstSeen = new List<string>();
        foreach (var token in tokenized.SelectMany(tokens => tokens))
            if (counts.TryGetValue(token, out var count))
                counts[token] = count + 1;
            else
            {
                counts[token] = 1;
                firstSeen.Add(token);
            }
        var words = SpecialTokens.Concat(firstSeen.OrderByDescending(word => counts[word]).Take(vocabularySize - SpecialTokens.Count)).ToList();
        var ids = words.Select((word, id) => (word, id)).ToDictionary(entry => entry.word, entry => (long)entry.id);

        var data = tokenized.Select(tokens => tensor(tokens.Select(token => ids.GetValueOrDefault(token, Unk)).ToArray())).ToList();
        return new Corpus(data, words.Count);
    }

    /// <summary>Endless random batches, as <c>batches</c>: reshuffle every epoch, drop the ragged last batch.</summary>
    public IEnumerable<IReadOnlyList<Tensor>> RandomBatches(int batchSize, int seed)
    {
        // System.Random, not Python's Mersenne Twister: the same kind of batches, not the same ones.
        var random = new Random(seed);
        var order = Enumerable.Range(0, Sentences.Count).ToArray();
        while (true)
        {
            random.Shuffle(order);
            for (var start = 0; start + batchSize <= order.Length; start += batchSize)
                yield return order[start..(start + batchSize)].Select(index => Sentences[index]).ToList();
        }
    }

    /// <summary>
    /// Python's <c>str.split()</c>: runs of whitespace separate tokens. Python also counts the information separators
    /// U+001C–U+001F as whitespace, which <see cref="char.IsWhiteSpace(char)"/> does not.
    /// </summary>
    private static IEnumerable<string> SplitOnWhitespace(string line)
    {
        var start = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var space = char.IsWhiteSpace(line[i]) || line[i] is >= '\u001c' and <= '\u001f';
            if (space && start >= 0)
            {
                yield return line[start..i];
                start = -1;
            }
            else if (!space && start < 0)
                start = i;
        }
        if (start >= 0)
            yield return line[start..];
    }
}
