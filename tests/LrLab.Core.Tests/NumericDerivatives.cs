using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests;

/// <summary>Finite-difference references the exact derivatives are checked against.</summary>
internal static class NumericDerivatives
{
    /// <summary>Central difference of the value: error O(h²).</summary>
    public static double[] Gradient(Func<double[], double> f, double[] point, double h = 1e-5)
    {
        var gradient = new double[point.Length];
        for (int i = 0; i < point.Length; i++)
        {
            double step = h * Math.Max(1, Math.Abs(point[i]));
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[i] += step;
            minus[i] -= step;
            gradient[i] = (f(plus) - f(minus)) / (2 * step);
        }

        return gradient;
    }

    /// <summary>Central difference of the exact gradient, symmetrized.</summary>
    public static double[,] Hessian(Surface surface, double[] point, double h = 1e-5)
    {
        int n = point.Length;
        var hessian = new double[n, n];
        var plusGradient = new double[n];
        var minusGradient = new double[n];
        for (int i = 0; i < n; i++)
        {
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            surface.ValueAndGradient(plus, plusGradient);
            surface.ValueAndGradient(minus, minusGradient);
            for (int j = 0; j < n; j++)
            {
                hessian[i, j] = (plusGradient[j] - minusGradient[j]) / (2 * h);
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                hessian[i, j] = hessian[j, i] = 0.5 * (hessian[i, j] + hessian[j, i]);
            }
        }

        return hessian;
    }

    /// <summary>Eigenvalues (ascending) of a 1×1 or symmetric 2×2 matrix, by the textbook quadratic formula.</summary>
    public static (double Min, double Max) Eigenvalues(double[,] m)
    {
        if (m.GetLength(0) == 1)
        {
            return (m[0, 0], m[0, 0]);
        }

        double trace = m[0, 0] + m[1, 1];
        double det = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0];
        double root = Math.Sqrt(trace * trace / 4 - det);
        return (trace / 2 - root, trace / 2 + root);
    }

    public static void AssertClose(double expected, double actual, double relative, string what)
    {
        double tolerance = relative * Math.Max(1, Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }
}
