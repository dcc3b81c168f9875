namespace LrLab.Core.Diagnosis;

/// <summary>Robust statistics for noisy curves: medians, a noise scale, and the Mann–Kendall trend test.</summary>
internal static class CurveStatistics
{
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var copy = values.ToArray();
        Array.Sort(copy);
        var mid = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[mid] : 0.5 * (copy[mid - 1] + copy[mid]);
    }

    /// <summary>
    /// Noise scale of a curve that may also trend: the median absolute second difference, scaled so that for
    /// independent Gaussian noise of standard deviation σ it returns σ (a second difference has variance 6σ²,
    /// and a straight trend cancels out of it).
    /// </summary>
    public static double NoiseScale(ReadOnlySpan<double> values)
    {
        if (values.Length < 3)
        {
            return 0;
        }

        var second = new double[values.Length - 2];
        for (var i = 1; i < values.Length - 1; i++)
        {
            second[i - 1] = Math.Abs(values[i - 1] - (2 * values[i]) + values[i + 1]);
        }

        return 1.4826 * Median(second) / Math.Sqrt(6);
    }

    /// <summary>
    /// Mann–Kendall trend statistic: the standardised count of later-above-earlier minus later-below-earlier pairs.
    /// Below −2: a significant fall; above +2: a significant rise (about 5 % two-sided), whatever the noise shape.
    /// </summary>
    public static double MannKendallZ(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 3)
        {
            return 0;
        }

        long s = 0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(values[j] - values[i]);
            }
        }

        var variance = n * (n - 1.0) * ((2.0 * n) + 5) / 18.0;
        return s == 0 ? 0 : (s - Math.Sign(s)) / Math.Sqrt(variance);
    }

    /// <summary>Share of consecutive differences that change sign (0 for a monotone curve, 1 for a zig-zag).</summary>
    public static (int Flips, int Pairs) SignFlips(ReadOnlySpan<double> values)
    {
        int flips = 0, pairs = 0;
        var previous = 0.0;
        for (var i = 1; i < values.Length; i++)
        {
            var delta = values[i] - values[i - 1];
            if (delta != 0 && previous != 0)
            {
                pairs++;
                if (Math.Sign(delta) != Math.Sign(previous))
                {
                    flips++;
                }
            }

            if (delta != 0)
            {
                previous = delta;
            }
        }

        return (flips, pairs);
    }
}
