using System.Globalization;

namespace TextVae.Data;

/// <summary>
/// Which part of a corpus one process handles when N processes share it: the file is cut into blocks of
/// <see cref="CorpusBlocks.DefaultBlockLines"/> consecutive lines, and shard K of N takes the blocks whose index
/// mod N is K. Every process reads the whole file (so line numbers stay exact) but tokenizes and computes only
/// its own blocks; since a block is processed the same way whichever process holds it, the union of the N
/// shards' results is the one-process result.
/// </summary>
/// <param name="Index">K, from 0.</param>
/// <param name="Count">N, at least 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole corpus in one process.</summary>
    public static readonly Shard All = new(0, 1);

    public bool IsWhole => Count == 1;

    public bool Owns(long block) => block % Count == Index;

    /// <summary>Throws when K is not in 0 … N − 1; <paramref name="parameter"/> names the setting for the message.</summary>
    public Shard Validate(string parameter = "shard")
    {
        if (Count < 1)
            throw new TextVaeException($"{parameter}: the number of shards must be at least 1 (got {Count})");
        if (Index < 0 || Index >= Count)
            throw new TextVaeException($"{parameter}: shard index {Index} is outside 0 … {Count - 1} for {Count} shard(s)");
        return this;
    }

    /// <summary>Reads "K/N", e.g. "2/8".</summary>
    public static Shard Parse(string text, string parameter = "shard")
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new TextVaeException($"{parameter}: expected K/N such as 0/4 (got '{text}')");
        return new Shard(index, count).Validate(parameter);
    }

    public override string ToString() => $"{Index}/{Count}";
}
