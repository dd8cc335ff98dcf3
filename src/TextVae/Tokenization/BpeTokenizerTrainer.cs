using System.Text;

namespace TextVae.Tokenization;

/// <summary>
/// Learns byte-level BPE merges from a corpus, for <see cref="BpeSentenceTokenizer"/>. Sentences are pre-tokenised
/// with <see cref="BpeSentenceTokenizer.PreTokenPattern"/> and only the pre-token counts are kept; merging then works
/// on the unique pre-tokens with pair counts updated incrementally (pair → words containing it), never recounted.
/// The most frequent pair wins; ties go to the pair with the smaller symbol ids (bytes by value, then merged
/// symbols in creation order), so the result depends only on the corpus.
/// </summary>
public sealed class BpeTokenizerTrainer : ITokenizerTrainer
{
    private const int ByteCount = 256;

    private readonly int _vocabularySize;
    private readonly int _minPairCount;
    private readonly SentenceNormalizer _normalizer;
    private readonly Dictionary<string, long> _preTokenCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _preTokenLookup;

    /// <param name="vocabularySize">Tokens in the result, including the special tokens and the 256 bytes.</param>
    /// <param name="minPairCount">Merging stops when the most frequent pair occurs fewer times than this.</param>
    /// <param name="lowercase">Lower-case sentences before counting (and in the resulting tokenizer).</param>
    public BpeTokenizerTrainer(int vocabularySize, int minPairCount, bool lowercase)
    {
        if (vocabularySize < MinimumVocabularySize)
            throw new InvalidParameterException("size", $"must be at least {MinimumVocabularySize} for BPE (4 special tokens and 256 bytes)");
        _vocabularySize = vocabularySize;
        _minPairCount = Math.Max(1, minPairCount);
        _normalizer = new SentenceNormalizer(lowercase);
        _preTokenLookup = _preTokenCounts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static int MinimumVocabularySize => SpecialTokens.Count + ByteCount;

    public void Add(string sentence)
    {
        var normalized = _normalizer.Normalize(sentence);
        foreach (var match in BpeSentenceTokenizer.PreTokenPattern().EnumerateMatches(normalized))
        {
            var preToken = normalized.AsSpan(match.Index, match.Length);
            _preTokenLookup[preToken] = _preTokenLookup.TryGetValue(preToken, out var count) ? count + 1 : 1;
        }
    }

    public BpeSentenceTokenizer Train()
    {
        var preTokens = _preTokenCounts.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToArray();
        var words = preTokens.Select(entry => Encoding.UTF8.GetBytes(entry.Key).Select(b => (int)b).ToArray()).ToArray();
        var frequencies = preTokens.Select(entry => entry.Value).ToArray();

        var symbols = Enumerable.Range(0, ByteCount).Select(b => ByteLevelAlphabet.Symbol((byte)b).ToString()).ToList();
        var vocabulary = new List<string>(symbols);
        var known = new HashSet<string>(symbols, StringComparer.Ordinal);
        var merges = new List<(string Left, string Right)>();

        var pairs = new PairStatistics(words, frequencies);

        while (SpecialTokens.Count + vocabulary.Count < _vocabularySize && pairs.TryTakeBest(_minPairCount, out var left, out var right, out var wordIndices))
        {
            var merged = symbols.Count;
            symbols.Add(symbols[left] + symbols[right]);
            merges.Add((symbols[left], symbols[right]));
            // Should two merge paths ever spell one token ("a"+"bc", "ab"+"c"), the vocabulary keeps it once.
            if (known.Add(symbols[merged]))
                vocabulary.Add(symbols[merged]);
            foreach (var w in wordIndices)
            {
                var replaced = Merge(words[w], left, right, merged);
                if (replaced is null)
                    continue;
                pairs.ReplaceWord(words[w], replaced, w, frequencies[w]);
                words[w] = replaced;
            }
            pairs.Commit();
        }
        return new BpeSentenceTokenizer(vocabulary, merges, _normalizer.Lowercase);
    }

    ISentenceTokenizer ITokenizerTrainer.Train() => Train();

    /// <summary>The word with every non-overlapping (left, right), scanned left to right, replaced; null when absent.</summary>
    private static int[]? Merge(int[] word, int left, int right, int merged)
    {
        List<int>? result = null;
        for (var i = 0; i < word.Length; i++)
        {
            if (i + 1 < word.Length && word[i] == left && word[i + 1] == right)
            {
                result ??= [.. word.AsSpan(0, i)];
                result.Add(merged);
                i++;
            }
            else
            {
                result?.Add(word[i]);
            }
        }
        return result?.ToArray();
    }

    /// <summary>
    /// Weighted counts of adjacent symbol pairs, the words each pair occurs in, and a max-queue of pairs with lazy
    /// deletion: a queue entry whose count is no longer current is skipped when it reaches the top.
    /// </summary>
    private sealed class PairStatistics
    {
        private readonly Dictionary<long, long> _counts = [];
        private readonly Dictionary<long, HashSet<int>> _words = [];
        private readonly PriorityQueue<long, (long NegativeCount, long Pair)> _queue = new();
        private readonly Dictionary<long, long> _pending = [];

        public PairStatistics(int[][] words, long[] frequencies)
        {
            for (var w = 0; w < words.Length; w++)
            {
                for (var i = 0; i + 1 < words[w].Length; i++)
                {
                    var pair = Key(words[w][i], words[w][i + 1]);
                    _counts[pair] = _counts.GetValueOrDefault(pair) + frequencies[w];
                    WordsOf(pair).Add(w);
                }
            }
            foreach (var (pair, count) in _counts)
                _queue.Enqueue(pair, (-count, pair));
        }

        public bool TryTakeBest(int minCount, out int left, out int right, out int[] wordIndices)
        {
            while (_queue.TryDequeue(out var pair, out var priority))
            {
                if (_counts.GetValueOrDefault(pair) != -priority.NegativeCount)
                    continue;
                if (-priority.NegativeCount < minCount)
                    break;
                left = (int)(pair >> 32);
                right = (int)pair;
                // Sorted so that the merge visits words in the same order on every run.
                wordIndices = [.. _words[pair].Order()];
                _words.Remove(pair);
                return true;
            }
            left = right = 0;
            wordIndices = [];
            return false;
        }

        /// <summary>Records the pair-count changes of one word's rewrite; <see cref="Commit"/> applies them.</summary>
        public void ReplaceWord(int[] before, int[] after, int index, long frequency)
        {
            for (var i = 0; i + 1 < before.Length; i++)
            {
                var pair = Key(before[i], before[i + 1]);
                _pending[pair] = _pending.GetValueOrDefault(pair) - frequency;
            }
            for (var i = 0; i + 1 < after.Length; i++)
            {
                var pair = Key(after[i], after[i + 1]);
                _pending[pair] = _pending.GetValueOrDefault(pair) + frequency;
                WordsOf(pair).Add(index);
            }
        }

        public void Commit()
        {
            foreach (var (pair, delta) in _pending)
            {
                if (delta == 0)
                    continue;
                var count = _counts.GetValueOrDefault(pair) + delta;
                if (count > 0)
                {
                    _counts[pair] = count;
                    _queue.Enqueue(pair, (-count, pair));
                }
                else
                {
                    _counts.Remove(pair);
                    _words.Remove(pair);
                }
            }
            _pending.Clear();
        }

        private HashSet<int> WordsOf(long pair)
        {
            if (!_words.TryGetValue(pair, out var set))
                _words[pair] = set = [];
            return set;
        }

        private static long Key(int left, int right) => ((long)left << 32) | (uint)right;
    }
}
