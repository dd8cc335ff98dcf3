using TextVae.Compression;

namespace TextVae.Tests.Compression;

public sealed class FrequencyTableTests
{
    [Fact]
    public void Frequencies_sum_to_the_precision_and_none_is_zero()
    {
        var masses = new double[1000];
        masses[3] = 1;
        masses[10] = 1e-30;
        masses[999] = 0.25;
        var table = FrequencyTable.FromMasses(masses, 20);

        Assert.Equal(1u << 20, table.Start(999) + table.Frequency(999));
        Assert.All(Enumerable.Range(0, 1000), s => Assert.True(table.Frequency(s) >= 1));
        Assert.InRange(table.Frequency(3) / (double)table.Frequency(999), 3.99, 4.01);
        Assert.True(table.Frequency(3) > table.Frequency(999));
    }

    [Fact]
    public void Left_over_units_go_to_the_largest_remainders()
    {
        // 16 − 3 = 13 units to share: 6.5, 3.9 and 2.6 floor to 6 + 3 + 2; the two left go to the fractions .9 and .6.
        var table = FrequencyTable.FromMasses([0.5, 0.3, 0.2], 4);
        Assert.Equal([7u, 5u, 4u], Enumerable.Range(0, 3).Select(table.Frequency));

        // Equal masses: 13 / 3 = 4.33 each; the one unit left goes to the first of equals.
        var equal = FrequencyTable.FromMasses([1, 1, 1], 4);
        Assert.Equal([6u, 5u, 5u], Enumerable.Range(0, 3).Select(equal.Frequency));
    }

    [Fact]
    public void Largest_remainders_match_a_full_sort_on_many_symbols_with_ties()
    {
        var random = new Random(11);
        var masses = Enumerable.Range(0, 3000).Select(_ => random.Next(4) switch
        {
            0 => 0.0,
            1 => 0.25, // many equal fractions
            _ => Math.Exp(-20 * random.NextDouble()),
        }).ToArray();
        var table = FrequencyTable.FromMasses(masses, 24);

        var budget = (double)((1 << 24) - masses.Length);
        var sum = masses.Aggregate(0.0, (total, m) => total + m); // in index order, as the table sums them
        var shares = masses.Select(m => m / sum * budget).ToArray();
        var floors = shares.Select(q => 1 + (long)Math.Floor(q)).ToArray();
        var left = (1L << 24) - floors.Sum();
        var expected = (long[])floors.Clone();
        foreach (var i in Enumerable.Range(0, masses.Length).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take((int)left))
            expected[i]++;
        Assert.Equal(expected, Enumerable.Range(0, masses.Length).Select(s => (long)table.Frequency(s)));
    }

    [Fact]
    public void Find_returns_the_symbol_whose_range_holds_the_slot()
    {
        var table = FrequencyTable.FromMasses([0.5, 0, 0.25, 0.25], 8);
        for (var slot = 0u; slot < 256; slot++)
        {
            var symbol = table.Find(slot);
            Assert.InRange(slot, table.Start(symbol), table.Start(symbol) + table.Frequency(symbol) - 1);
        }
    }

    [Fact]
    public void Bad_masses_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FrequencyTable.FromMasses([0, 0], 16));
        Assert.Throws<ArgumentException>(() => FrequencyTable.FromMasses([1, double.NaN], 16));
        Assert.Throws<ArgumentException>(() => FrequencyTable.FromMasses(new double[300], 8));
    }
}
