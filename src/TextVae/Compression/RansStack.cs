namespace TextVae.Compression;

/// <summary>
/// A range asymmetric numeral system (rANS, Duda 2013) with a 64-bit state and 32-bit words, as in Giesen's rans64:
/// a stack of symbols, each pushed with its frequency <c>f</c> out of <c>2^precision</c> at a cost of
/// log2(2^precision / f) bits. What is pushed last is popped first, which is what bits-back coding needs: popping
/// under a distribution the stream was not pushed with "samples" from it and takes those bits off the stream.
/// </summary>
public sealed class RansStack
{
    /// <summary>Lower bound of the normalised state interval [L, 2^32·L).</summary>
    public const ulong Lower = 1UL << 31;

    /// <summary>The highest precision a symbol may use (the state keeps at least 2^(31 − precision) per slot).</summary>
    public const int MaxPrecisionBits = 31;

    private readonly List<uint> _words;

    public RansStack()
    {
        _words = [];
        State = Lower;
    }

    /// <summary>Rebuilds a stack from its stored words (oldest first) and final state.</summary>
    public RansStack(IEnumerable<uint> words, ulong state)
    {
        if (state < Lower)
            throw new ArgumentOutOfRangeException(nameof(state), "an rANS state is at least 2^31");
        _words = [.. words];
        State = state;
    }

    public ulong State { get; private set; }

    /// <summary>Words below the state, oldest first.</summary>
    public IReadOnlyList<uint> Words => _words;

    /// <summary>True when nothing was pushed, or everything pushed was popped again.</summary>
    public bool IsEmpty => _words.Count == 0 && State == Lower;

    /// <summary>Size of the stack when written out: the words and the 64-bit state.</summary>
    public long ByteCount => 4L * _words.Count + 8;

    public void Push(uint start, uint frequency, int precisionBits)
    {
        if (State >= ((Lower >> precisionBits) << 32) * frequency)
        {
            _words.Add((uint)State);
            State >>= 32;
        }
        State = ((State / frequency) << precisionBits) + State % frequency + start;
    }

    /// <summary>The slot in [0, 2^precision) that the next pop decodes; the caller finds the symbol whose range holds it.</summary>
    public uint PeekSlot(int precisionBits) => (uint)(State & ((1UL << precisionBits) - 1));

    /// <summary>Removes the symbol <see cref="PeekSlot"/> pointed at, given its start and frequency.</summary>
    /// <exception cref="RansUnderflowException">The stack holds fewer bits than this pop takes.</exception>
    public void Pop(uint start, uint frequency, int precisionBits)
    {
        var slot = PeekSlot(precisionBits);
        if (slot < start || slot - start >= frequency)
            throw new ArgumentException($"slot {slot} is outside the symbol's range [{start}, {start + frequency})");
        State = frequency * (State >> precisionBits) + slot - start;
        if (State >= Lower)
            return;
        if (_words.Count == 0)
            throw new RansUnderflowException();
        State = (State << 32) | _words[^1];
        _words.RemoveAt(_words.Count - 1);
    }
}
