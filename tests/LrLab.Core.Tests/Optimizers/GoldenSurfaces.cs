namespace LrLab.Core.Tests.Optimizers;

/// <summary>
/// The built-in surfaces' losses and analytic gradients, written with exactly the operation order of
/// tools/golden_optimizers.py so the C# run is fed bit-identical gradients.
/// </summary>
internal static class GoldenSurfaces
{
    public static double Loss(string function, ReadOnlySpan<double> p)
    {
        Span<double> unused = stackalloc double[p.Length];
        return Evaluate(function, p, unused);
    }

    /// <summary>Writes the gradient into <paramref name="gradient"/> and returns the loss.</summary>
    public static double Evaluate(string function, ReadOnlySpan<double> p, Span<double> gradient)
    {
        switch (function)
        {
            case "bowl":
                {
                    double x = p[0], y = p[1];
                    gradient[0] = 2 * x;
                    gradient[1] = 4 * y;
                    return (x * x) + (2 * y * y);
                }

            case "ravine":
                {
                    double x = p[0], y = p[1];
                    gradient[0] = x;
                    gradient[1] = 50 * y;
                    return (0.5 * x * x) + (25 * y * y);
                }

            case "rosenbrock":
                {
                    double x = p[0], y = p[1];
                    var a = 1 - x;
                    var b = y - (x * x);
                    gradient[0] = (-2 * a) - (400 * x * b);
                    gradient[1] = 200 * b;
                    return (a * a) + (100 * b * b);
                }

            case "himmelblau":
                {
                    double x = p[0], y = p[1];
                    var a = (x * x) + y - 11;
                    var b = x + (y * y) - 7;
                    gradient[0] = (4 * x * a) + (2 * b);
                    gradient[1] = (2 * a) + (4 * y * b);
                    return (a * a) + (b * b);
                }

            case "parabola":
                gradient[0] = 2 * p[0];
                return p[0] * p[0];

            case "quartic4":
                {
                    var d = p[3] - 1;
                    gradient[0] = p[0];
                    gradient[1] = 3 * p[1];
                    gradient[2] = 6 * p[2];
                    gradient[3] = d * d * d;
                    return (0.5 * p[0] * p[0]) + (1.5 * p[1] * p[1]) + (3 * p[2] * p[2]) + (0.25 * d * d * d * d);
                }

            default:
                throw new ArgumentException($"unknown golden function {function}", nameof(function));
        }
    }
}
