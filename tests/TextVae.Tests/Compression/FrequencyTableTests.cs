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
