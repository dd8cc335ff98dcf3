using TextVae.Evaluation;

namespace TextVae.Tests.Evaluation;

public class ExactSumTests
{
    [Fact]
    public void Cancelling_terms_leave_what_a_plain_double_sum_loses()
    {
        var sum = new ExactSum();
        foreach (var x in new[] { 1e16, 1.0, -1e16, 1e-3 })
            sum.Add(x);

        Assert.Equal(1.001, sum.Value);
        Assert.NotEqual(1.001, 1e16 + 1.0 - 1e16 + 1e-3);
    }

    [Fact]
    public void The_value_is_the_correctly_rounded_sum_whatever_the_order_or_the_split_into_parts()
    {
        // Multiples of 2^-30 with 53-bit mantissas at many scales: each is a double, their exact sum fits an Int128.
        var random = new Random(5);
        var units = Enumerable.Range(0, 2000)
            .Select(_ => (Int128)(random.NextInt64(1L << 53) - (1L << 52)) << random.Next(0, 10))
            .ToArray();
        var values = units.Select(u => (double)u * Math.Pow(2, -30)).ToArray();
        var exact = (double)units.Aggregate((Int128)0, (a, b) => a + b) * Math.Pow(2, -30);
        var whole = new ExactSum();
        foreach (var x in values)
            whole.Add(x);
        Assert.Equal(exact, whole.Value);

        for (var trial = 0; trial < 5; trial++)
        {
            var shuffled = values.ToArray();
            random.Shuffle(shuffled);
            var parts = Enumerable.Range(0, 1 + trial).Select(_ => new ExactSum()).ToArray();
            for (var i = 0; i < shuffled.Length; i++)
                parts[i % parts.Length].Add(shuffled[i]);
            var merged = new ExactSum(parts[0].Partials);
            foreach (var part in parts.Skip(1))
                merged.Add(part);
            Assert.Equal(BitConverter.DoubleToInt64Bits(exact), BitConverter.DoubleToInt64Bits(merged.Value));
        }
    }

    [Fact]
    public void Infinities_and_nan_are_kept()
    {
        var sum = new ExactSum();
        sum.Add(1);
        sum.Add(double.PositiveInfinity);
        Assert.Equal(double.PositiveInfinity, sum.Value);
        sum.Add(double.NegativeInfinity);
        Assert.True(double.IsNaN(new ExactSum(sum.Partials).Value));
    }
}
