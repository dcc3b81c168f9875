namespace LrLab.Core.Plotting;

/// <summary>Where an axis gets its tick marks: "nice" steps (1, 2 or 5 × 10ⁿ) on a linear axis, whole decades on a log axis.</summary>
public static class Ticks
{
    /// <summary>About <paramref name="target"/> ticks within [<paramref name="min"/>, <paramref name="max"/>] at a 1/2/5 × 10ⁿ spacing.</summary>
    public static IReadOnlyList<double> Linear(double min, double max, int target = 6)
    {
        if (!(max > min) || !double.IsFinite(max - min))
        {
            return double.IsFinite(min) ? [min] : [];
        }

        var raw = (max - min) / Math.Max(1, target);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = (raw / magnitude) switch { < 1.5 => 1, < 3 => 2, < 7 => 5, _ => 10 };
        var step = magnitude * nice;
        var ticks = new List<double>();
        for (var t = Math.Ceiling(min / step) * step; t <= max + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    /// <summary>Powers of ten within [<paramref name="min"/>, <paramref name="max"/>] (both positive), every k-th decade so at most <paramref name="target"/> remain.</summary>
    public static IReadOnlyList<double> Log(double min, double max, int target = 8)
    {
        if (!(min > 0) || !(max >= min) || !double.IsFinite(max))
        {
            return [];
        }

        var low = (int)Math.Ceiling(Math.Log10(min) - 1e-9);
        var high = (int)Math.Floor(Math.Log10(max) + 1e-9);
        var every = Math.Max(1, (int)Math.Ceiling((high - low + 1) / (double)target));
        var ticks = new List<double>();
        for (var e = low; e <= high; e += every)
        {
            ticks.Add(Math.Pow(10, e));
        }

        return ticks;
    }
}
