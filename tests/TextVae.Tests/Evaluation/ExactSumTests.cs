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
    public void The_value_does_not_depend_on_the_order_or_on_how_the_terms_are_split_into_parts()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 2000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9))).ToArray();
        var whole = new ExactSum();
        foreach (var x in values)
            whole.Add(x);

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
            Assert.Equal(BitConverter.DoubleToInt64Bits(whole.Value), BitConverter.DoubleToInt64Bits(merged.Value));
        }
        // Correctly rounded: decimal (28 digits) agrees within one unit in the last place.
        var reference = (double)values.Select(v => (decimal)v).Sum();
        Assert.True(Math.Abs(reference - whole.Value) <= Math.BitIncrement(Math.Abs(whole.Value)) - Math.Abs(whole.Value));
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
