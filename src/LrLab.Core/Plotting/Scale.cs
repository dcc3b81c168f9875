namespace LrLab.Core.Plotting;

/// <summary>
/// Maps data values on [<see cref="Min"/>, <see cref="Max"/>] to pixels on [<see cref="From"/>, <see cref="To"/>],
/// linearly or by log10. From may exceed To: a vertical axis grows upwards. Both chart back ends (SVG and canvas) fit
/// their axes with <see cref="Fit"/> and tick them with <see cref="Ticks"/>, so they show the same ranges and ticks.
/// </summary>
public sealed class Scale
{
    // Pixels per tick: labels of a horizontal axis need more room than those of a vertical one.
    private const double HorizontalLinearSpacing = 80;
    private const double HorizontalLogSpacing = 70;
    private const double VerticalLinearSpacing = 45;
    private const double VerticalLogSpacing = 40;

    private readonly double _a;
    private readonly double _b;

    /// <summary>A scale over a data range and a pixel range.</summary>
    public Scale(double min, double max, double from, double to, bool log)
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

    /// <summary>A vertical axis (its pixels run against its values, from the bottom up).</summary>
    public bool Vertical => From > To;

    /// <summary>
    /// The scale of <paramref name="axis"/> over these values on pixels <paramref name="from"/> to <paramref name="to"/>
    /// (from &gt; to for a vertical axis). The usable values (finite; positive on a log axis) are widened a little so
    /// lines do not touch the frame: 4 % of the span on a linear axis, a factor 1.2 (horizontal) or 1.5 (vertical) on
    /// a log one, at most 60 decades below the top so a run that overflowed to 1e300 does not flatten the rest.
    /// An axis's fixed <see cref="Axis.Min"/> and <see cref="Axis.Max"/> are kept as they are.
    /// </summary>
    public static Scale Fit(Axis axis, IEnumerable<double> values, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(values);
        var (min, max) = Extent(axis, values, from > to);
        return new Scale(min, max, from, to, axis.Log);
    }

    /// <summary>Whether <paramref name="value"/> can be drawn on a linear (any finite value) or log (finite and positive) axis.</summary>
    public static bool Usable(bool log, double value) => double.IsFinite(value) && (!log || value > 0);

    /// <summary>Whether <paramref name="value"/> is drawable here and inside the range shown.</summary>
    public bool Contains(double value) => Usable(Log, value) && value >= Min && value <= Max;

    /// <summary>Pixel of a value; NaN if it cannot be shown (non-finite, or ≤ 0 on a log axis).</summary>
    public double Map(double value) => Usable(Log, value) ? (_a * (Log ? Math.Log10(value) : value)) + _b : double.NaN;

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
    /// The ticks of this axis, as many as its length in pixels has room for: 1-2-5 steps on a linear axis, powers of ten
    /// (with 2 and 5 between when few decades show) on a log axis.
    /// </summary>
    public IReadOnlyList<Tick> Ticks()
    {
        var length = Math.Abs(To - From);
        var spacing = (Vertical, Log) switch
        {
            (false, false) => HorizontalLinearSpacing,
            (false, true) => HorizontalLogSpacing,
            (true, false) => VerticalLinearSpacing,
            (true, true) => VerticalLogSpacing,
        };
        var count = Math.Max(2, (int)(length / spacing));
        return Log ? Plotting.Ticks.Log(Min, Max, count) : Plotting.Ticks.Linear(Min, Max, count);
    }

    private static (double Min, double Max) Extent(Axis axis, IEnumerable<double> values, bool vertical)
    {
        var log = axis.Log;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (Usable(log, v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        var fixedMin = axis.Min is { } a && Usable(log, a) ? a : (double?)null;
        var fixedMax = axis.Max is { } b && Usable(log, b) && (fixedMin is not { } f || b > f) ? b : (double?)null;
        lo = fixedMin ?? lo;
        hi = fixedMax ?? hi;
        if (!double.IsFinite(lo) && !double.IsFinite(hi))
        {
            return log ? (0.1, 10) : (0, 1);
        }

        (lo, hi) = (double.IsFinite(lo) ? lo : hi, double.IsFinite(hi) ? hi : lo);

        if (hi <= lo)
        {
            // One value (or data on the wrong side of a fixed end): a decade (log) or a tenth (linear) on the open side.
            if (fixedMax is { } top)
            {
                return (log ? top / 10 : top - Pad(top), top);
            }

            return (fixedMin is null ? (log ? lo / 10 : lo - Pad(lo)) : lo, log ? lo * 10 : lo + Pad(lo));
        }

        if (log)
        {
            lo = Math.Max(lo, hi * 1e-60);
            var factor = vertical ? 1.5 : 1.2;
            return (fixedMin ?? Math.Max(1e-300, lo / factor), fixedMax ?? Math.Min(1e300, hi * factor));
        }

        var margin = (hi - lo) * 0.04;
        return (fixedMin ?? lo - margin, fixedMax ?? hi + margin);
    }

    private static double Pad(double value) => Math.Abs(value) > 0 ? Math.Abs(value) * 0.1 : 1;
}
