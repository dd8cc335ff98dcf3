using TextVae.Compression;

namespace TextVae.Tests.Compression;

public sealed class RansStackTests
{
    [Fact]
    public void Pops_what_was_pushed_in_reverse_order_at_about_the_entropy()
    {
        var random = new Random(11);
        var table = FrequencyTable.FromMasses([0.7, 0.2, 0.05, 0.05], 16);
        var symbols = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() switch { < 0.7 => 0, < 0.9 => 1, < 0.95 => 2, _ => 3 }).ToArray();
        var stack = new RansStack();
        foreach (var symbol in symbols)
            table.Push(stack, symbol);

        var ideal = symbols.Sum(table.Bits);
        Assert.InRange(8.0 * stack.ByteCount, ideal, ideal * 1.001 + 64);
        var restored = new RansStack(stack.Words, stack.State);
        for (var i = symbols.Length - 1; i >= 0; i--)
            Assert.Equal(symbols[i], table.Pop(restored));
        Assert.True(restored.IsEmpty);
    }

    [Fact]
    public void Mixes_precisions_and_uniform_symbols()
    {
        var random = new Random(2);
        var pushes = Enumerable.Range(0, 5000).Select(_ => (Bits: random.Next(1, 29), Value: 0u)).Select(p => p with { Value = (uint)random.NextInt64(1L << p.Bits) }).ToArray();
        var stack = new RansStack();
        foreach (var (bits, value) in pushes)
            stack.Push(value, 1, bits);
        for (var i = pushes.Length - 1; i >= 0; i--)
        {
            var (bits, value) = pushes[i];
            Assert.Equal(value, stack.PeekSlot(bits));
            stack.Pop(value, 1, bits);
        }
        Assert.True(stack.IsEmpty);
    }

    [Fact]
    public void Popping_from_an_empty_stack_underflows()
    {
        var stack = new RansStack();
        var table = FrequencyTable.FromMasses([1, 1], 20);
        Assert.Throws<RansUnderflowException>(() =>
        {
            for (var i = 0; i < 64; i++)
                table.Pop(stack);
        });
    }
}
