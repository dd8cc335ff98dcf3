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
    /// Quantises non-negative <paramref name="masses"/> (any positive total): symbol i gets 1 + ⌊p_i · (2^precision − n)⌋,
    /// and what rounding leaves over goes to the most likely symbol (the first of equals).
    /// </summary>
    public static FrequencyTable FromMasses(ReadOnlySpan<double> masses, int precisionBits)
    {
        if (precisionBits is < 1 or > RansStack.MaxPrecisionBits)
            throw new ArgumentOutOfRangeException(nameof(precisionBits), $"precision must be 1 to {RansStack.MaxPrecisionBits} bits");
        var total = 1L << precisionBits;
        if (masses.Length == 0 || masses.Length > total)
            throw new ArgumentException($"{masses.Length} symbols do not fit a precision of {precisionBits} bits", nameof(masses));
        var sum = 0.0;
        var largest = 0;
        for (var i = 0; i < masses.Length; i++)
        {
            if (!(masses[i] >= 0) || double.IsPositiveInfinity(masses[i]))
                throw new ArgumentException($"mass {i} is {masses[i]}, not a finite non-negative number", nameof(masses));
            sum += masses[i];
            if (masses[i] > masses[largest])
                largest = i;
        }
        if (!(sum > 0))
            throw new ArgumentException("the masses sum to zero", nameof(masses));

        var budget = (double)(total - masses.Length);
        var frequencies = new long[masses.Length];
        var assigned = 0L;
        for (var i = 0; i < masses.Length; i++)
        {
            frequencies[i] = 1 + (long)Math.Floor(masses[i] / sum * budget);
            assigned += frequencies[i];
        }
        frequencies[largest] += total - assigned;

        var starts = new uint[masses.Length + 1];
        for (var i = 0; i < masses.Length; i++)
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
}
