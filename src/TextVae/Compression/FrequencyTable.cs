namespace TextVae.Compression;

/// <summary>
/// A distribution quantised for the entropy coder: integer frequencies that sum to exactly 2^precision, every symbol
/// at least 1 so any symbol stays codable. Built in double precision from plain arithmetic in a fixed order, so the
/// encoder and the decoder derive the same table from the same inputs, whatever thread runs them.
/// </summary>
public sealed class FrequencyTable
{
    private readonly uint[] _starts; // [count + 1] cumulative frequencies

    private FrequencyTable(uint[] starts, int precisionBits)
    {
        _starts = starts;
        PrecisionBits = precisionBits;
    }

    public int PrecisionBits { get; }

    public int Count => _starts.Length - 1;

    /// <summary>
    /// Quantises non-negative <paramref name="masses"/> (any positive total) by largest remainders (Hamilton's method):
    /// symbol i gets 1 + ⌊q_i⌋ with q_i = p_i · (2^precision − n), and the units that the floors leave over go one each
    /// to the symbols with the largest fractional parts q_i − ⌊q_i⌋ (the lower index first among equals). Every
    /// frequency is then within one unit of 1 + q_i, so equal masses get equal frequencies whenever the total allows.
    /// </summary>
    public static FrequencyTable FromMasses(ReadOnlySpan<double> masses, int precisionBits)
    {
        if (precisionBits is < 1 or > RansStack.MaxPrecisionBits)
            throw new ArgumentOutOfRangeException(nameof(precisionBits), $"precision must be 1 to {RansStack.MaxPrecisionBits} bits");
        var total = 1L << precisionBits;
        var count = masses.Length;
        if (count == 0 || count > total)
            throw new ArgumentException($"{count} symbols do not fit a precision of {precisionBits} bits", nameof(masses));
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (!(masses[i] >= 0) || double.IsPositiveInfinity(masses[i]))
                throw new ArgumentException($"mass {i} is {masses[i]}, not a finite non-negative number", nameof(masses));
            sum += masses[i];
        }
        if (!(sum > 0) || double.IsPositiveInfinity(sum))
            throw new ArgumentException($"the masses sum to {sum}, not a finite positive number", nameof(masses));

        var budget = (double)(total - count);
        var frequencies = new long[count];
        var fractions = new double[count];
        var assigned = 0L;
        for (var i = 0; i < count; i++)
        {
            var share = masses[i] / sum * budget;
            var whole = Math.Floor(share);
            frequencies[i] = 1 + (long)whole;
            fractions[i] = share - whole;
            assigned += frequencies[i];
        }
        // The shares sum to the budget up to rounding far below one unit, so the floors leave fewer units than symbols.
        var left = total - assigned;
        if (left < 0 || left > count)
            throw new ArgumentException($"the masses cannot be quantised to {precisionBits} bits: rounding left {left} units to share among {count} symbols", nameof(masses));
        AddOneToLargestFractions(frequencies, fractions, (int)left);

        var starts = new uint[count + 1];
        for (var i = 0; i < count; i++)
            starts[i + 1] = checked((uint)(starts[i] + frequencies[i]));
        return new FrequencyTable(starts, precisionBits);
    }

    public uint Start(int symbol) => _starts[symbol];

    public uint Frequency(int symbol) => _starts[symbol + 1] - _starts[symbol];

    /// <summary>Code length of <paramref name="symbol"/> in bits.</summary>
    public double Bits(int symbol) => PrecisionBits - Math.Log2(Frequency(symbol));

    /// <summary>The symbol whose range [start, start + frequency) holds <paramref name="slot"/>.</summary>
    public int Find(uint slot)
    {
        // Starts strictly increase (every frequency is at least 1), so an exact hit is the symbol itself.
        var index = Array.BinarySearch(_starts, slot);
        return index >= 0 ? index : ~index - 1;
    }

    public void Push(RansStack stack, int symbol) => stack.Push(Start(symbol), Frequency(symbol), PrecisionBits);

    /// <summary>Pops the next symbol from <paramref name="stack"/> under this distribution.</summary>
    public int Pop(RansStack stack)
    {
        var symbol = Find(stack.PeekSlot(PrecisionBits));
        stack.Pop(Start(symbol), Frequency(symbol), PrecisionBits);
        return symbol;
    }

    /// <summary>
    /// Adds one unit to the <paramref name="take"/> symbols with the largest fractions in [0, 1), the lower index first
    /// among equals, in linear time: a token table has thousands of symbols and is built for every token, where a full
    /// sort would cost several times the softmax. Fractions are counted into as many equal-width bins as there are
    /// symbols; the bins above the one where the count reaches <paramref name="take"/> are taken whole, and only that
    /// bin is sorted.
    /// </summary>
    private static void AddOneToLargestFractions(long[] frequencies, double[] fractions, int take)
    {
        if (take == 0)
            return;
        var bins = fractions.Length;
        var binOf = new int[fractions.Length];
        var counts = new int[bins];
        for (var i = 0; i < fractions.Length; i++)
        {
            binOf[i] = Math.Min((int)(fractions[i] * bins), bins - 1);
            counts[binOf[i]]++;
        }
        var boundary = bins - 1;
        var above = 0;
        while (above + counts[boundary] < take)
            above += counts[boundary--];
        var candidates = new List<int>(counts[boundary]);
        for (var i = 0; i < fractions.Length; i++)
        {
            if (binOf[i] > boundary)
                frequencies[i]++;
            else if (binOf[i] == boundary)
                candidates.Add(i);
        }
        candidates.Sort((a, b) => fractions[a] != fractions[b] ? fractions[b].CompareTo(fractions[a]) : a.CompareTo(b));
        for (var k = 0; k < take - above; k++)
            frequencies[candidates[k]]++;
    }
}
