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

    /// <summary>A corpus to train on, shaped by the <c>data</c> section: length limits and deduplication.</summary>
    public static EncodedCorpus Load(string path, ISentenceTokenizer tokenizer, DataOptions options)
    {
        options.Validate();
        return Read(path, tokenizer, options.Strict, options.MinLength, options.MaxLength, options.Deduplicate, leaveOutLongerThan: null);
    }

    /// <summary>
    /// A data set to evaluate, as given: every sentence whole, short ones and repeats included, so measures describe
    /// the file and not an easier subset. Only sentences longer than <paramref name="longestSentence"/> (a model's
    /// position limit; null for none) are left out, and counted in <see cref="CorpusReport.TooLong"/>.
    /// </summary>
    public static EncodedCorpus LoadWhole(string path, ISentenceTokenizer tokenizer, bool strict, int? longestSentence) =>
        Read(path, tokenizer, strict, minLength: 0, maxLength: int.MaxValue, deduplicate: false, leaveOutLongerThan: longestSentence);

    private static EncodedCorpus Read(string path, ISentenceTokenizer tokenizer, bool strict, int minLength, int maxLength, bool deduplicate,
        int? leaveOutLongerThan)
    {
        var reader = new CorpusReader(path, strict);
        var sentences = new List<int[]>();
        var lineNumbers = new List<long>();
        var seen = deduplicate ? new HashSet<int[]>(SequenceComparer.Instance) : null;
        long truncated = 0, tooShort = 0, tooLong = 0, duplicates = 0, allUnknown = 0, tokens = 0, unknown = 0;
        var longest = 0;
        foreach (var line in reader.ReadLines())
        {
            var ids = tokenizer.Encode(line.Text);
            if (ids.Count < minLength)
            {
                tooShort++;
                continue;
            }
            if (ids.Count > leaveOutLongerThan)
            {
                tooLong++;
                continue;
            }
            if (ids.Count > maxLength)
                truncated++;
            var kept = ids.Take(maxLength).ToArray();
            if (seen is not null && !seen.Add(kept))
            {
                duplicates++;
                continue;
            }
            var unknownHere = kept.Count(id => id == SpecialTokens.Unk);
            if (unknownHere == kept.Length && kept.Length > 0)
                allUnknown++;
            unknown += unknownHere;
            tokens += kept.Length;
            longest = Math.Max(longest, kept.Length);
            sentences.Add(kept);
            lineNumbers.Add(line.Number);
        }
        if (sentences.Count == 0)
            throw new TextVaeException(tooLong > 0
                ? $"{path}: no usable sentence ({tooLong} longer than the model's limit of {leaveOutLongerThan} tokens)"
                : $"{path}: no usable sentence ({tooShort} shorter than {minLength} token(s))");
        var report = new CorpusReport(path, reader.Statistics, sentences.Count, truncated, tooShort, duplicates, allUnknown, tokens, unknown, longest)
        {
            TooLong = tooLong,
            LengthLimit = leaveOutLongerThan,
        };
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
