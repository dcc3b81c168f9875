namespace LrLab.Core.Surfaces;

/// <summary>
/// Finds a nearby local minimum of a surface whose minimum is not known in closed form, and its
/// Hessian eigenvalues: damped Newton where the Hessian is positive definite, steepest descent
/// elsewhere, both with a backtracking (Armijo) line search. Bounded in iterations and never throws.
/// </summary>
internal static class MinimumSearch
{
    private const int MaxIterations = 200;
    private const int MaxHalvings = 60;
    private const double MaxStep = 10;
    private const double GradientTolerance = 1e-7;
    private const double Escape = 1e6;

    /// <summary>The curvature at the minimum reached from <paramref name="start"/>, or null when none is found.</summary>
    public static Curvature? Locate(Surface surface, IReadOnlyList<double> start)
    {
        int n = surface.Dimension;
        var point = start.ToArray();
        var gradient = new double[n];
        var trial = new double[n];
        var direction = new double[n];

        double value = surface.ValueAndGradient(point, gradient);
        for (int iteration = 0; iteration < MaxIterations && IsFinite(value, gradient); iteration++)
        {
            // Keep going past a loose gradient tolerance: on a flat-bottomed minimum such as x⁴ the
            // iterates keep shrinking towards it, which is what exposes its vanishing curvature below.
            if (Norm(gradient) == 0)
            {
                break;
            }

            var (a, b, c) = Hessian(surface, point);
            ChooseDirection(n, a, b, c, gradient, direction);
            double slope = Dot(gradient, direction);
            if (!(slope < 0))
            {
                return null;
            }

            double step = LineSearch(surface, point, value, direction, slope, trial);
            if (step == 0)
            {
                break;
            }

            bool stalled = step * Norm(direction) <= 1e-15 * (1 + Norm(point));
            trial.CopyTo(point, 0);
            value = surface.ValueAndGradient(point, gradient);
            if (stalled)
            {
                break;
            }

            if (point.Any(p => Math.Abs(p) > Escape))
            {
                return null;
            }
        }


        if (!IsFinite(value, gradient) || Norm(gradient) > GradientTolerance)
        {
            return null;
        }

        var (xx, xy, yy) = Hessian(surface, point);
        var (min, max) = n == 1 ? (xx, xx) : SymmetricEigenvalues.Of(xx, xy, yy);

        // A vanishing smallest eigenvalue means a flat-bottomed minimum (x^4), where the quadratic
        // model and every limit derived from it are meaningless.
        bool positiveDefinite = double.IsFinite(max) && min > 1e-6 * Math.Max(1, max);

        // At a strict minimum Newton has converged quadratically, so one more Newton step is
        // negligible; a step still comparable to the distance travelled means we stopped early.
        bool converged = Norm(gradient) / min <= 1e-6 * Math.Max(1, Norm(point));
        return positiveDefinite && converged ? new Curvature(point, min, max) : null;
    }

    // Armijo backtracking: the longest step 1, ½, ¼, … that lowers the value enough, or 0 if none does.
    private static double LineSearch(Surface surface, double[] point, double value, double[] direction, double slope, double[] trial)
    {
        double step = 1;
        for (int halving = 0; halving < MaxHalvings; halving++, step *= 0.5)
        {
            for (int k = 0; k < point.Length; k++)
            {
                trial[k] = point[k] + step * direction[k];
            }

            double trialValue = surface.Value(trial);
            if (double.IsFinite(trialValue) && trialValue <= value + 1e-4 * step * slope)
            {
                return step;
            }
        }

        return 0;
    }

    private static void ChooseDirection(int n, double a, double b, double c, double[] g, double[] d)
    {
        if (n == 1 && a > 0)
        {
            d[0] = -g[0] / a;
        }
        else if (n == 2 && a > 0 && a * c - b * b > 0)
        {
            double det = a * c - b * b;
            d[0] = -(c * g[0] - b * g[1]) / det;
            d[1] = -(a * g[1] - b * g[0]) / det;
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                d[k] = -g[k];
            }
        }

        // Cap the first trial so a nearly singular Hessian or a huge gradient cannot fling the
        // point across the plane; the line search only ever shortens it.
        double length = Norm(d);
        if (length > MaxStep)
        {
            for (int k = 0; k < n; k++)
            {
                d[k] *= MaxStep / length;
            }
        }
    }

    // Central differences of the exact gradient: error O(h²) with h relative to the coordinate.
    private static (double Xx, double Xy, double Yy) Hessian(Surface surface, double[] point)
    {
        int n = point.Length;
        Span<double> shifted = stackalloc double[2];
        Span<double> plus = stackalloc double[2];
        Span<double> minus = stackalloc double[2];
        Span<double> h = stackalloc double[4];
        for (int i = 0; i < n; i++)
        {
            double step = 1e-5 * Math.Max(1, Math.Abs(point[i]));
            point.CopyTo(shifted);
            shifted[i] = point[i] + step;
            surface.ValueAndGradient(shifted[..n], plus);
            shifted[i] = point[i] - step;
            surface.ValueAndGradient(shifted[..n], minus);
            for (int j = 0; j < n; j++)
            {
                h[i * 2 + j] = (plus[j] - minus[j]) / (2 * step);
            }
        }

        return n == 1 ? (h[0], 0, 0) : (h[0], 0.5 * (h[1] + h[2]), h[3]);
    }

    private static bool IsFinite(double value, double[] gradient)
        => double.IsFinite(value) && gradient.All(double.IsFinite);

    private static double Dot(double[] u, double[] v)
    {
        double sum = 0;
        for (int k = 0; k < u.Length; k++)
        {
            sum += u[k] * v[k];
        }

        return sum;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double component in v)
        {
            sum += component * component;
        }

        return Math.Sqrt(sum);
    }
}
