namespace LrLab.Core.Surfaces;

/// <summary>Closed-form eigenvalues of a symmetric 2×2 matrix [[a, b], [b, c]].</summary>
public static class SymmetricEigenvalues
{
    /// <summary>Returns the smaller and the larger eigenvalue of [[a, b], [b, c]].</summary>
    /// <param name="a">Top-left entry.</param>
    /// <param name="b">Off-diagonal entry (both corners).</param>
    /// <param name="c">Bottom-right entry.</param>
    public static (double Min, double Max) Of(double a, double b, double c)
    {
        double mean = 0.5 * (a + c);
        double radius = Hypot(0.5 * (a - c), b);
        double determinant = a * c - b * b;

        // mean ± radius cancels badly for the small eigenvalue of an ill-conditioned matrix
        // (Rosenbrock's 0.3994 would lose three digits), so take the large-magnitude one directly
        // and recover the other from the determinant, which is the product of the two.
        if (mean >= 0)
        {
            double max = mean + radius;
            return (max == 0 ? 0 : determinant / max, max);
        }

        double min = mean - radius;
        return (min, determinant / min);
    }

    // Math has no Hypot; scaling keeps the squares from overflowing for huge entries.
    private static double Hypot(double p, double q)
    {
        double scale = Math.Max(Math.Abs(p), Math.Abs(q));
        if (scale == 0 || double.IsInfinity(scale))
        {
            return scale;
        }

        double u = p / scale, v = q / scale;
        return scale * Math.Sqrt(u * u + v * v);
    }
}
