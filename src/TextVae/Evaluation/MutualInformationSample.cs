using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace TextVae.Evaluation;

/// <summary>
/// The sentences that mutual information is estimated on: the <see cref="Capacity"/> sentences with the smallest
/// hash of their line number (all of them when the data set is smaller), each with its posterior and one
/// z ~ q(z|x). The estimator compares every z with every posterior (O(N²)), so it cannot run on a whole large
/// corpus; a bottom-k sample by hash is a uniform sample that merges exactly: the parts' samples, merged, are the
/// sample one process would have kept.
/// </summary>
public sealed class MutualInformationSample
{
    private readonly PriorityQueue<MutualInformationEntry, (ulong Key, long Line)> _largestFirst =
        new(Comparer<(ulong Key, long Line)>.Create((a, b) => b.CompareTo(a)));

    public MutualInformationSample(int capacity)
    {
        if (capacity < 1)
            throw new TextVaeException($"mutual information needs at least one sentence (capacity {capacity})");
        Capacity = capacity;
    }

    [JsonConstructor]
    public MutualInformationSample(int capacity, IReadOnlyList<MutualInformationEntry> entries) : this(capacity)
    {
        foreach (var entry in entries)
            Add(entry);
    }

    [JsonPropertyName("capacity")] public int Capacity { get; }

    /// <summary>Kept sentences in line order.</summary>
    [JsonPropertyName("entries")]
    public IReadOnlyList<MutualInformationEntry> Entries =>
        _largestFirst.UnorderedItems.Select(item => item.Element).OrderBy(entry => entry.Line).ToArray();

    /// <summary>Whether a sentence with this key would be kept; lets callers skip drawing its z otherwise.</summary>
    public bool Wants(ulong key, long line) =>
        _largestFirst.Count < Capacity || _largestFirst.TryPeek(out _, out var largest) && (key, line).CompareTo(largest) < 0;

    public void Add(MutualInformationEntry entry)
    {
        if (!Wants(entry.Key, entry.Line))
            return;
        _largestFirst.Enqueue(entry, (entry.Key, entry.Line));
        if (_largestFirst.Count > Capacity)
            _largestFirst.Dequeue();
    }

    public void Add(MutualInformationSample other)
    {
        foreach (var entry in other.Entries)
            Add(entry);
    }

    /// <summary>I(x; z) over the kept sentences (<see cref="LatentStatistics.MutualInformation"/>), in line order so the result is reproducible.</summary>
    public double Estimate()
    {
        var entries = Entries;
        if (entries.Count == 0)
            throw new TextVaeException("there are no sentences to evaluate");
        var latent = entries[0].Mean.Length;
        using var scope = NewDisposeScope();
        Tensor Stack(Func<MutualInformationEntry, float[]> part) =>
            tensor(entries.SelectMany(part).ToArray(), [entries.Count, latent]); // [n, latent]
        return LatentStatistics.MutualInformation(Stack(e => e.Mean), Stack(e => e.LogVariance), Stack(e => e.Sample));
    }
}
