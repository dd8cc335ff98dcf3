using TextVae.Tokenization;
using TextVae.Corpora;

namespace TextVae.Data;

/// <summary>
/// A corpus as token ids (no <c>&lt;bos&gt;</c>/<c>&lt;eos&gt;</c>), one array per kept sentence, in file order.
/// The text is streamed; only the ids stay in memory, which is what epoch shuffling needs.
/// </summary>
public sealed class EncodedCorpus
{
    private EncodedCorpus(IReadOnlyList<int[]> sentences, IReadOnlyList<long> lineNumbers, CorpusReport report)
    {
        Sentences = sentences;
        LineNumbers = lineNumbers;
        Report = report;
    }

    public IReadOnlyList<int[]> Sentences { get; }

    /// <summary>The 1-based line of each kept sentence in the file, so per-sentence results can point back to the text.</summary>
    public IReadOnlyList<long> LineNumbers { get; }

    public CorpusReport Report { get; }

    public static EncodedCorpus Load(string path, ISentenceTokenizer tokenizer, DataOptions options)
    {
        options.Validate();
        var reader = new CorpusReader(path, options.Strict);
        var sentences = new List<int[]>();
        var lineNumbers = new List<long>();
        var seen = options.Deduplicate ? new HashSet<int[]>(SequenceComparer.Instance) : null;
        long truncated = 0, tooShort = 0, duplicates = 0, allUnknown = 0, tokens = 0, unknown = 0;
        var longest = 0;
        foreach (var line in reader.ReadLines())
        {
            var ids = tokenizer.Encode(line.Text);
            if (ids.Count < options.MinLength)
            {
                tooShort++;
                continue;
            }
            if (ids.Count > options.MaxLength)
                truncated++;
            var kept = ids.Take(options.MaxLength).ToArray();
            if (seen is not null && !seen.Add(kept))
            {
                duplicates++;
                continue;
            }
            var unknownHere = kept.Count(id => id == SpecialTokens.Unk);
            if (unknownHere == kept.Length)
                allUnknown++;
            unknown += unknownHere;
            tokens += kept.Length;
            longest = Math.Max(longest, kept.Length);
            sentences.Add(kept);
            lineNumbers.Add(line.Number);
        }
        if (sentences.Count == 0)
            throw new TextVaeException($"{path}: no usable sentence ({tooShort} shorter than {options.MinLength} token(s))");
        var report = new CorpusReport(path, reader.Statistics, sentences.Count, truncated, tooShort, duplicates, allUnknown, tokens, unknown, longest);
        return new EncodedCorpus(sentences, lineNumbers, report);
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] ids)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ids.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
