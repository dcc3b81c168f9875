namespace LrLab.Core.Plotting;

/// <summary>Maps data values of one axis onto pixels, linearly or by their base-10 logarithm.</summary>
internal sealed class Scale
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _from;
    private readonly double _to;

    private Scale(bool log, double min, double max, double from, double to)
    {
        Log = log;
        Min = min;
        Max = max;
        _low = log ? Math.Log10(min) : min;
        _high = log ? Math.Log10(max) : max;
        _from = from;
        _to = to;
    }

    public bool Log { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Fits the usable values (finite; positive on a log axis) with a little padding, unless the axis fixes its range.</summary>
    public static Scale Fit(Axis axis, IEnumerable<double> values, double from, double to)
    {
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (Usable(axis.Log, v))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }

        if (double.IsInfinity(low))
        {
            (low, high) = axis.Log ? (1, 10) : (0, 1);
        }

        if (axis.Log)
        {
            // Stay well inside float64 so the padded ends (and the decade ticks) remain finite and normal.
            var (a, b) = (Math.Log10(low), Math.Log10(high));
            var pad = b > a ? (b - a) * 0.03 : 0.5;
            (low, high) = (Math.Pow(10, Math.Max(-300, a - pad)), Math.Pow(10, Math.Min(300, b + pad)));
        }
        else
        {
            var pad = high > low ? (high - low) * 0.05 : Math.Max(1, Math.Abs(low) * 0.1);
            (low, high) = (low - pad, high + pad);
        }

        low = axis.Min is { } min && Usable(axis.Log, min) ? min : low;
        high = axis.Max is { } max && Usable(axis.Log, max) && max > low ? max : high;
        return new Scale(axis.Log, low, high, from, to);
    }

    public static bool Usable(bool log, double value) => double.IsFinite(value) && (!log || value > 0);

    public bool Contains(double value) => Usable(Log, value) && value >= Min && value <= Max;

    /// <summary>The pixel coordinate of <paramref name="value"/> (which must be usable on this axis).</summary>
    public double Map(double value)
    {
        var v = Log ? Math.Log10(value) : value;
        return _from + ((v - _low) / (_high - _low) * (_to - _from));
    }

    public IReadOnlyList<double> Ticks() => Log ? Plotting.Ticks.Log(Min, Max) : Plotting.Ticks.Linear(Min, Max);
}
