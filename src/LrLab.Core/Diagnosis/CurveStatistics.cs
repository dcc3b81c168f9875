namespace LrLab.Core.Diagnosis;

/// <summary>Robust statistics for noisy curves: medians, a noise scale, and the Mann–Kendall trend test.</summary>
internal static class CurveStatistics
{
    /// <summary>Above this many values, medians and the noise scale are taken over an evenly spaced sample of this size.</summary>
    public const int MaxExact = 1_000_000;

    /// <summary>The fewest values the step-to-step zigzag test reads (below it noise can fake a zigzag).</summary>
    private const int MinZigzagValues = 300;

    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var copy = values.ToArray();
        return MedianInPlace(copy);
    }

    /// <summary>The median of a long series over at most <see cref="MaxExact"/> evenly spaced values (exact below that).</summary>
    public static double MedianSampled(ReadOnlySpan<double> values)
    {
        if (values.Length <= MaxExact)
        {
            return Median(values);
        }

        var sample = new double[MaxExact];
        var stride = values.Length / (double)MaxExact;
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = values[(int)(i * stride)];
        }

        return MedianInPlace(sample);
    }

    /// <summary>
    /// Noise scale of a curve that may also trend: the median absolute second difference, scaled so that for
    /// independent Gaussian noise of standard deviation σ it returns σ (a second difference has variance 6σ²,
    /// and a straight trend cancels out of it). Logs longer than <see cref="MaxExact"/> use evenly spaced second differences.
    /// </summary>
    public static double NoiseScale(ReadOnlySpan<double> values)
    {
        if (values.Length < 3)
        {
            return 0;
        }

        var count = Math.Min(values.Length - 2, MaxExact);
        var stride = (values.Length - 2) / (double)count;
        var second = new double[count];
        for (var k = 0; k < count; k++)
        {
            var i = 1 + (int)(k * stride);
            second[k] = Math.Abs(values[i - 1] - (2 * values[i]) + values[i + 1]);
        }

        return 1.4826 * MedianInPlace(second) / Math.Sqrt(6);
    }

    /// <summary>The median by selection (Hoare's quickselect, O(n)); reorders <paramref name="data"/>.</summary>
    public static double MedianInPlace(Span<double> data)
    {
        var mid = data.Length / 2;
        var upper = Select(data, mid);
        if (data.Length % 2 == 1)
        {
            return upper;
        }

        // The lower middle is the largest value left of the upper one after selection.
        var lower = double.NegativeInfinity;
        for (var i = 0; i < mid; i++)
        {
            lower = Math.Max(lower, data[i]);
        }

        return 0.5 * (lower + upper);
    }

    private static double Select(Span<double> data, int k)
    {
        int left = 0, right = data.Length - 1;
        while (left < right)
        {
            var pivot = Median3(data[left], data[left + ((right - left) / 2)], data[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (data[i] < pivot)
                {
                    i++;
                }

                while (data[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (data[i], data[j]) = (data[j], data[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return data[k];
            }
        }

        return data[k];
    }

    private static double Median3(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

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

    /// <summary>
    /// The share of consecutive moves that reverse direction, when the log is long enough (300 values) and the share is
    /// far above the two thirds that independent noise gives (0.8 or more: a step-to-step zigzag, the mark of updates
    /// that overshoot); otherwise null.
    /// </summary>
    public static double? Zigzag(ReadOnlySpan<double> values)
    {
        if (values.Length < MinZigzagValues)
        {
            return null;
        }

        // For independent noise the number of turning points among n values has mean 2(n − 2)/3 and variance
        // (16n − 29)/90; from 300 values on, a share of 0.8 is more than 5 standard deviations above 2/3.
        var (flips, pairs) = SignFlips(values);
        var share = pairs >= MinZigzagValues / 2 ? (double)flips / pairs : 0;
        return share >= 0.8 ? share : null;
    }

    /// <summary>−1 when every move is down (or zero), +1 when every move is up, 0 otherwise (or when nothing moves).</summary>
    public static int Monotone(ReadOnlySpan<double> values)
    {
        bool down = true, up = true;
        var any = false;
        for (var i = 1; i < values.Length; i++)
        {
            var delta = values[i] - values[i - 1];
            any |= delta != 0;
            down &= delta <= 0;
            up &= delta >= 0;
        }

        return !any ? 0 : down ? -1 : up ? 1 : 0;
    }

    /// <summary>The share of <paramref name="values"/> at most <paramref name="level"/> (1 for no values).</summary>
    public static double ShareAtMost(ReadOnlySpan<double> values, double level)
    {
        var count = 0;
        foreach (var v in values)
        {
            count += v <= level ? 1 : 0;
        }

        return values.Length > 0 ? count / (double)values.Length : 1;
    }
}
