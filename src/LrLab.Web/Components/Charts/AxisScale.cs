namespace LrLab.Web.Components.Charts;

/// <summary>
/// Maps data values on [<see cref="Min"/>, <see cref="Max"/>] to pixels on [<see cref="From"/>, <see cref="To"/>],
/// linearly or by log10. From may exceed To (a y axis grows upwards).
/// </summary>
public sealed class AxisScale
{
    private readonly double _a;
    private readonly double _b;

    /// <summary>A scale over a data range and a pixel range.</summary>
    public AxisScale(double min, double max, double from, double to, bool log)
    {
        if (log && !(min > 0 && max > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(min), "a log axis needs positive limits");
        }

        Min = min;
        Max = max;
        From = from;
        To = to;
        Log = log;
        var lo = log ? Math.Log10(min) : min;
        var hi = log ? Math.Log10(max) : max;
        _a = hi > lo ? (to - from) / (hi - lo) : 0;
        _b = from - (_a * lo);
    }

    /// <summary>Lowest data value shown.</summary>
    public double Min { get; }

    /// <summary>Highest data value shown.</summary>
    public double Max { get; }

    /// <summary>Pixel of <see cref="Min"/>.</summary>
    public double From { get; }

    /// <summary>Pixel of <see cref="Max"/>.</summary>
    public double To { get; }

    /// <summary>Logarithmic (base 10).</summary>
    public bool Log { get; }

    /// <summary>Pixel of a value; NaN if it cannot be shown (non-finite, or ≤ 0 on a log axis).</summary>
    public double Map(double value)
    {
        if (!double.IsFinite(value) || (Log && value <= 0))
        {
            return double.NaN;
        }

        return (_a * (Log ? Math.Log10(value) : value)) + _b;
    }

    /// <summary>Value at a pixel (the inverse of <see cref="Map"/>).</summary>
    public double Invert(double pixel)
    {
        if (_a == 0)
        {
            return Min;
        }

        var t = (pixel - _b) / _a;
        return Log ? Math.Pow(10, t) : t;
    }

    /// <summary>
    /// The data range to show for these values: the finite (and, for log, positive) extremes, widened
    /// a little so lines do not touch the frame, and never empty.
    /// </summary>
    public static (double Min, double Max) Extent(IEnumerable<double> values, bool log, double? fixedMin = null, double? fixedMax = null)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v) && (!log || v > 0))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        if (fixedMin is { } a && (!log || a > 0))
        {
            lo = a;
        }

        if (fixedMax is { } b && (!log || b > 0))
        {
            hi = b;
        }

        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            return log ? (0.1, 10) : (0, 1);
        }

        if (log)
        {
            if (hi <= lo)
            {
                return (lo / 10, hi * 10);
            }

            // Cap the span at 60 decades so a run that overflowed to 1e300 does not flatten the rest.
            lo = Math.Max(lo, hi * 1e-60);
            return (fixedMin ?? lo, fixedMax ?? hi);
        }

        if (hi <= lo)
        {
            var pad = Math.Abs(lo) > 0 ? Math.Abs(lo) * 0.1 : 1;
            return (lo - pad, hi + pad);
        }

        var margin = (hi - lo) * 0.04;
        return (fixedMin ?? lo - margin, fixedMax ?? hi + margin);
    }
}
