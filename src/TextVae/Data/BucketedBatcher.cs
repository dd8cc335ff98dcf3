using static TorchSharp.torch;

namespace TextVae.Data;

/// <summary>
/// Length-bucketed batches: each epoch shuffles the sentences, sorts pools of <see cref="DataOptions.BucketBatches"/>
/// batches by length so a batch holds sentences of similar length (little padding), then shuffles the batch order.
/// The same seed and epoch give the same batches.
/// </summary>
public sealed class BucketedBatcher
{
    private readonly IReadOnlyList<int[]> _sentences;
    private readonly DataOptions _options;

    public BucketedBatcher(IReadOnlyList<int[]> sentences, DataOptions options)
    {
        options.Validate();
        _sentences = sentences;
        _options = options;
    }

    public EpochPlan Plan(int epoch)
    {
        // Seeded System.Random has a fixed algorithm across .NET versions; HashCode.Combine would differ per process.
        var random = new Random(unchecked(_options.Seed * 1_000_003 + epoch));
        var order = Enumerable.Range(0, _sentences.Count).ToArray();
        random.Shuffle(order);
        var poolSize = _options.BatchSize * _options.BucketBatches;
        var batches = new List<int[]>();
        for (var start = 0; start < order.Length; start += poolSize)
        {
            // OrderBy is stable: equal lengths keep their shuffled order.
            var pool = order.Skip(start).Take(poolSize).OrderBy(i => _sentences[i].Length).ToArray();
            batches.AddRange(pool.Chunk(_options.BatchSize));
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        long tokens = 0, positions = 0;
        foreach (var batch in shuffled)
        {
            tokens += batch.Sum(i => _sentences[i].Length + 1);
            positions += batch.Length * (batch.Max(i => _sentences[i].Length) + 1L);
        }
        return new EpochPlan(epoch, shuffled, tokens, positions);
    }

    /// <summary>The plan's batches as tensors on the CPU, made one at a time as the caller iterates.</summary>
    public IEnumerable<SentenceBatch> Batches(EpochPlan plan) => plan.Batches.Select(MakeBatch);

    /// <summary>Rows <c>&lt;bos&gt; w1 … wn &lt;eos&gt; &lt;pad&gt; …</c> for the given sentences, in the given order.</summary>
    public SentenceBatch MakeBatch(IReadOnlyList<int> sentenceIndices) =>
        SentenceBatch.Of(sentenceIndices.Select(i => _sentences[i]).ToArray());
}
