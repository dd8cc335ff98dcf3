using TextVae.Runtime;
using static TorchSharp.torch;

namespace TextVae.Data;

/// <summary>
/// Random numbers tied to a corpus line (or a sample's number) instead of to a position in a stream: each line
/// gets its own generator, seeded from the run's seed, the line and the purpose. A line's draws are then the same
/// whichever batch, block or process handles it, which is what makes sharded results equal to one-process results.
/// </summary>
public static class LineRandom
{
    /// <summary>SplitMix64's finaliser over the three inputs: well-spread 64-bit seeds from nearby integers.</summary>
    public static ulong Seed(long seed, long line, RandomPurpose purpose)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)line * 0xBF58476D1CE4E5B9UL + (ulong)purpose * 0x94D049BB133111EBUL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }

    /// <summary>Standard normal draws of shape [lines, ..shape], row i from line i's own generator; on the CPU, so every device sees the same numbers.</summary>
    public static Tensor Normal(long seed, IReadOnlyList<long> lines, RandomPurpose purpose, params long[] shape)
    {
        var rows = new Tensor[lines.Count];
        try
        {
            for (var i = 0; i < lines.Count; i++)
            {
                using var generator = SeededRandom.NewGenerator(Seed(seed, lines[i], purpose));
                rows[i] = SeededRandom.Normal(shape, CPU, generator);
            }
            return stack(rows);
        }
        finally
        {
            foreach (var row in rows)
                row?.Dispose();
        }
    }
}
