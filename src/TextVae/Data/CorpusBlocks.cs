using TextVae.Corpora;
using TextVae.Tokenization;

namespace TextVae.Data;

/// <summary>
/// Streams a corpus as blocks of consecutive lines and yields only the blocks of one <see cref="Shard"/>, tokenized
/// either as the model was trained (same tokenizer, same length limits) or whole (<see cref="Whole"/>, as evaluation
/// reads a data set); every sentence kept, repeats included. Memory holds one block, whatever the size of the file.
/// </summary>
public sealed class CorpusBlocks
{
    /// <summary>Lines per block: large enough to sort into well-filled batches, small enough to spread a file over many shards.</summary>
    public const int DefaultBlockLines = 4096;

    private readonly CorpusReader _reader;
    private readonly ISentenceTokenizer _tokenizer;
    private readonly DataOptions? _options;
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly int? _leaveOutLongerThan;

    /// <summary>A corpus read with the training length limits of <paramref name="options"/>.</summary>
    public CorpusBlocks(string path, ISentenceTokenizer tokenizer, DataOptions options, Shard shard, int blockLines = DefaultBlockLines)
        : this(path, tokenizer, options.Strict, shard, blockLines, options.MinLength, options.MaxLength, leaveOutLongerThan: null) =>
        _options = options;

    private CorpusBlocks(string path, ISentenceTokenizer tokenizer, bool strict, Shard shard, int blockLines, int minLength, int maxLength, int? leaveOutLongerThan)
    {
        _reader = new CorpusReader(path, strict);
        _tokenizer = tokenizer;
        Path = path;
        Shard = shard;
        BlockLines = blockLines;
        _minLength = minLength;
        _maxLength = maxLength;
        _leaveOutLongerThan = leaveOutLongerThan;
    }

    /// <summary>
    /// A data set read as given (<see cref="EncodedCorpus.LoadWhole"/>): every sentence whole, none too short. Only
    /// sentences longer than <paramref name="longestSentence"/> (a model's position limit) are left out, and counted.
    /// </summary>
    public static CorpusBlocks Whole(string path, ISentenceTokenizer tokenizer, bool strict, int? longestSentence, Shard shard, int blockLines = DefaultBlockLines) =>
        new(path, tokenizer, strict, shard, blockLines, minLength: 0, maxLength: int.MaxValue, longestSentence);

    public string Path { get; }
    public Shard Shard { get; }
    public int BlockLines { get; }

    /// <summary>Stop after this many of the shard's sentences (null: read them all); the last block is cut short there.</summary>
    public long? SentenceLimit { get; set; }

    /// <summary>This shard's sentences so far.</summary>
    public long Sentences { get; private set; }

    /// <summary>This shard's sentences longer than data.maxLength so far (cut, not dropped).</summary>
    public long Truncated { get; private set; }

    /// <summary>This shard's lines with fewer than data.minLength tokens so far (dropped).</summary>
    public long TooShort { get; private set; }

    /// <summary>This shard's lines longer than the model's position limit so far, when read <see cref="Whole"/> (left out).</summary>
    public long TooLong { get; private set; }

    /// <summary>Counts of the whole file's lines, after a complete pass.</summary>
    public CorpusLineStatistics LineStatistics => _reader.Statistics;

    public IEnumerable<CorpusBlock> Read()
    {
        ConfigCheck.Positive(BlockLines, "blockLines");
        Shard.Validate();
        _options?.Validate();
        if (SentenceLimit is { } limit)
            ConfigCheck.Positive(limit, "sentenceLimit");
        var current = new List<NumberedSentence>();
        var currentBlock = 0L;
        foreach (var line in _reader.ReadLines())
        {
            var block = (line.Number - 1) / BlockLines;
            if (block != currentBlock)
            {
                if (current.Count > 0)
                    yield return new CorpusBlock(currentBlock, current.ToArray());
                current.Clear();
                currentBlock = block;
            }
            if (!Shard.Owns(block))
                continue;
            var ids = _tokenizer.Encode(line.Text);
            if (ids.Count < _minLength || _options is not null && ids.Count == 0)
            {
                TooShort++;
                continue;
            }
            if (ids.Count > _leaveOutLongerThan)
            {
                TooLong++;
                continue;
            }
            var sentence = new NumberedSentence(line.Number, line.Text, ids.Take(_maxLength).ToArray(), ids.Count);
            if (sentence.Truncated)
                Truncated++;
            Sentences++;
            current.Add(sentence);
            if (Sentences == SentenceLimit)
                break;
        }
        if (current.Count > 0)
            yield return new CorpusBlock(currentBlock, current.ToArray());
    }
}
