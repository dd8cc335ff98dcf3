using TextVae.Corpora;
using TextVae.Tokenization;

namespace TextVae.Data;

/// <summary>
/// Streams a corpus as blocks of consecutive lines and yields only the blocks of one <see cref="Shard"/>,
/// tokenized as the model was trained (same tokenizer, same length limits; every sentence kept, repeats
/// included). Memory holds one block, whatever the size of the file.
/// </summary>
public sealed class CorpusBlocks(string path, ISentenceTokenizer tokenizer, DataOptions options, Shard shard, int blockLines = CorpusBlocks.DefaultBlockLines)
{
    /// <summary>Lines per block: large enough to sort into well-filled batches, small enough to spread a file over many shards.</summary>
    public const int DefaultBlockLines = 4096;

    private readonly CorpusReader _reader = new(path, options.Strict);

    public string Path => path;
    public Shard Shard => shard;
    public int BlockLines => blockLines;

    /// <summary>This shard's sentences so far.</summary>
    public long Sentences { get; private set; }

    /// <summary>This shard's sentences longer than data.maxLength so far (cut, not dropped).</summary>
    public long Truncated { get; private set; }

    /// <summary>This shard's lines with fewer than data.minLength tokens so far (dropped).</summary>
    public long TooShort { get; private set; }

    /// <summary>Counts of the whole file's lines, after a complete pass.</summary>
    public CorpusLineStatistics LineStatistics => _reader.Statistics;

    public IEnumerable<CorpusBlock> Read()
    {
        ConfigCheck.Positive(blockLines, nameof(blockLines));
        shard.Validate();
        options.Validate();
        var current = new List<NumberedSentence>();
        var currentBlock = 0L;
        foreach (var line in _reader.ReadLines())
        {
            var block = (line.Number - 1) / blockLines;
            if (block != currentBlock)
            {
                if (current.Count > 0)
                    yield return new CorpusBlock(currentBlock, current.ToArray());
                current.Clear();
                currentBlock = block;
            }
            if (!shard.Owns(block))
                continue;
            var ids = tokenizer.Encode(line.Text);
            if (ids.Count < options.MinLength || ids.Count == 0)
            {
                TooShort++;
                continue;
            }
            var sentence = new NumberedSentence(line.Number, line.Text, ids.Take(options.MaxLength).ToArray(), ids.Count);
            if (sentence.Truncated)
                Truncated++;
            Sentences++;
            current.Add(sentence);
        }
        if (current.Count > 0)
            yield return new CorpusBlock(currentBlock, current.ToArray());
    }
}
