using System.Globalization;

namespace LrLab.Core.Plotting;

/// <summary>Tick positions and labels: 1-2-5 steps on linear axes, powers of ten (and 2, 5 between) on log axes.</summary>
public static class Ticks
{
    /// <summary>At most about <paramref name="maxCount"/> round values inside [min, max].</summary>
    public static IReadOnlyList<Tick> Linear(double min, double max, int maxCount = 6)
    {
        if (!(max > min) || maxCount < 1 || !double.IsFinite(max - min))
        {
            return double.IsFinite(min) ? [new Tick(min, Format(min, 0))] : [];
        }

        var step = NiceStep((max - min) / Math.Max(1, maxCount));
        var first = Math.Ceiling(min / step);
        var last = Math.Floor(max / step);
        var ticks = new List<Tick>();
        for (var k = first; k <= last && ticks.Count <= maxCount + 1; k++)
        {
            var v = k * step;
            if (Math.Abs(v) < step * 1e-9)
            {
                v = 0;
            }

            ticks.Add(new Tick(v, Format(v, step)));
        }

        return ticks;
    }

    /// <summary>Powers of ten inside [min, max] (every n-th when there are many), plus 2 and 5 multiples when the range is short.</summary>
    public static IReadOnlyList<Tick> Log(double min, double max, int maxCount = 8)
    {
        if (!(min > 0) || !(max > min) || maxCount < 1 || !double.IsFinite(max))
        {
            return [];
        }

        var lo = (int)Math.Floor(Math.Log10(min) + 1e-9);
        var hi = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        var decades = hi - lo;
        var ticks = new List<Tick>();
        if (decades <= 4)
        {
            for (var e = lo; e <= hi; e++)
            {
                foreach (var m in new[] { 1.0, 2.0, 5.0 })
                {
                    var v = m * Math.Pow(10, e);
                    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9))
                    {
                        ticks.Add(new Tick(v, LogLabel(m, e)));
                    }
                }
            }

            if (ticks.Count >= 2 && ticks.Count <= maxCount)
            {
                return ticks;
            }

            ticks.Clear();
        }

        var every = Math.Max(1, (int)Math.Ceiling((decades + 1) / (double)maxCount));
        var start = (int)(Math.Ceiling(lo / (double)every) * every);
        for (var e = start; e <= hi; e += every)
        {
            var v = Math.Pow(10, e);
            if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9))
            {
                ticks.Add(new Tick(v, LogLabel(1, e)));
            }
        }

        return ticks;
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var f = rough / power;
        var nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>A compact label: plain decimals for ordinary magnitudes, 1e-5 style for tiny or huge ones.</summary>
    public static string Format(double value, double step)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3)
        {
            return value.ToString("0.##e0", CultureInfo.InvariantCulture);
        }

        var decimals = step > 0 ? Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 10) : 4;
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string LogLabel(double mantissa, int exponent)
    {
        if (exponent is >= -3 and <= 4)
        {
            return (mantissa * Math.Pow(10, exponent)).ToString("0.####", CultureInfo.InvariantCulture);
        }

        var m = mantissa.ToString(CultureInfo.InvariantCulture);
        return $"{m}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
