namespace LrLab.Core.Diagnosis;

/// <summary>
/// How fast a smoothed curve falls in each fifth of the log: whether it flattened out at the end (diminishing returns,
/// however late the fall began) or is still speeding up when the log ends (not converged: leaving a plateau).
/// </summary>
internal static class Pace
{
    /// <summary>How much the curve fell in each fifth of the log (negative where it rose).</summary>
    public static double[] Fifths(SmoothedCurve curve)
    {
        var last = curve.Count - 1;
        var fell = new double[5];
        for (var k = 0; k < 5; k++)
        {
            fell[k] = curve.At(k * 0.2 * last) - (k == 4 ? curve.Values[^1] : curve.At((k + 1) * 0.2 * last));
        }

        return fell;
    }

    /// <summary>
    /// When the last fifth fell at most a quarter as much as the fastest earlier fifth, and that one fell far beyond
    /// <paramref name="noise"/>: the fifth it was (0–3) and the last fifth's share of its fall; otherwise null.
    /// </summary>
    public static (int Fastest, double LastShare)? LateConvergence(SmoothedCurve curve, double noise)
    {
        var fell = Fifths(curve);
        var fastest = 0;
        for (var k = 1; k < 4; k++)
        {
            fastest = fell[k] > fell[fastest] ? k : fastest;
        }

        var peak = fell[fastest];
        return peak > 0 && peak > 4 * noise && fell[4] <= 0.25 * peak ? (fastest, Math.Max(0, fell[4]) / peak) : null;
    }

    /// <summary>
    /// When the last fifth fell more than each of the two fifths before it, by more than six times
    /// <paramref name="noise"/>: how much more; otherwise null. A converging run slows down; one that speeds up at the
    /// end is still leaving a plateau.
    /// </summary>
    public static double? Speedup(SmoothedCurve curve, double noise)
    {
        var fell = Fifths(curve);
        var more = fell[4] - Math.Max(fell[2], fell[3]);
        return fell[4] > 0 && more > 6 * noise ? more : null;
    }

    /// <summary>The relative fall per step from a fifth of the way into the log to its end (<paramref name="end"/> at <paramref name="lastStep"/>).</summary>
    public static double PerStepLate(SmoothedCurve curve, double lastStep, double end)
    {
        var from = 0.2 * (curve.Count - 1);
        var level = curve.At(from);
        var lower = (int)Math.Floor(from);
        var step = lower + 1 < curve.Count ? curve.Steps[lower] + ((from - lower) * (curve.Steps[lower + 1] - curve.Steps[lower])) : curve.Steps[lower];
        return level != 0 ? (level - end) / Math.Abs(level) / Math.Max(1e-9, lastStep - step) : 0;
    }
}
