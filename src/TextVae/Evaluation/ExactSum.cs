namespace TextVae.Evaluation;

/// <summary>
/// A sum of doubles kept exactly, as non-overlapping partials (Shewchuk 1997; the algorithm of Python's math.fsum),
/// and read out correctly rounded. The result does not depend on the order of the additions, so sums computed in
/// parts by several processes and added up give the one-process value to the last bit.
/// </summary>
public sealed class ExactSum
{
    private readonly List<double> _partials = [];
    private double _nonFinite; // ±∞ and NaN do not fit partials; their plain sum is order-independent too

    public ExactSum() { }

    /// <summary>A sum that continues from saved partials (see <see cref="Partials"/>).</summary>
    public ExactSum(IEnumerable<double> partials)
    {
        foreach (var partial in partials)
            Add(partial);
    }

    /// <summary>The exact state: its values add up to the sum. Non-finite additions are kept as one more entry.</summary>
    public double[] Partials => _nonFinite == 0 ? _partials.ToArray() : [.. _partials, _nonFinite];

    public void Add(double x)
    {
        if (!double.IsFinite(x))
        {
            _nonFinite += x;
            return;
        }
        var kept = 0;
        for (var i = 0; i < _partials.Count; i++)
        {
            var y = _partials[i];
            if (Math.Abs(x) < Math.Abs(y))
                (x, y) = (y, x);
            var high = x + y;
            var low = y - (high - x);
            if (low != 0)
                _partials[kept++] = low;
            x = high;
        }
        _partials.RemoveRange(kept, _partials.Count - kept);
        _partials.Add(x);
    }

    public void Add(ExactSum other)
    {
        foreach (var partial in other.Partials)
            Add(partial);
    }

    /// <summary>The sum rounded once, to the nearest double (half-way cases as math.fsum rounds them).</summary>
    public double Value
    {
        get
        {
            if (_nonFinite != 0) // NaN included
                return _nonFinite;
            var n = _partials.Count;
            if (n == 0)
                return 0;
            var high = _partials[--n];
            var low = 0.0;
            while (n > 0)
            {
                var x = high;
                var y = _partials[--n];
                high = x + y;
                low = y - (high - x);
                if (low != 0)
                    break;
            }
            // Round half-even correctly when the rest of the partials push the half-way case one way.
            if (n > 0 && ((low < 0 && _partials[n - 1] < 0) || (low > 0 && _partials[n - 1] > 0)))
            {
                var y = low * 2;
                var x = high + y;
                if (y == x - high)
                    high = x;
            }
            return high;
        }
    }
}
