using LrLab.Core.Surfaces;

namespace LrLab.Core.Simulation;

/// <summary>
/// The continuous path gradient descent approximates: the solution of dθ/dt = −∇L(θ) (gradient flow). Gradient
/// descent at rate α is this equation's Euler method with time step α, so its k-th point sits at time t = kα.
/// Integrated with classical Runge–Kutta (RK4) in sub-steps of at most 0.01/λmax, far finer than any rate a lesson
/// shows, so the traced path is the flow itself to plotting precision (on L = λw²/2 it is w₀e^(−λt)).
/// </summary>
public static class GradientFlow
{
    /// <summary>Most samples one trace returns.</summary>
    public const int MaxSamples = 10_000;

    /// <summary>
    /// The flow from <paramref name="start"/> sampled at <paramref name="samples"/> + 1 evenly spaced times from 0 to
    /// <paramref name="duration"/>.
    /// </summary>
    /// <exception cref="InputException">A negative or non-finite duration, too many samples, or a start of the wrong size.</exception>
    public static IReadOnlyList<FlowPoint> Trace(Surface surface, IReadOnlyList<double> start, double duration, int samples)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(start);
        if (!double.IsFinite(duration) || duration < 0)
        {
            throw new InputException("the flow's duration must be a finite number ≥ 0");
        }

        if (samples is < 1 or > MaxSamples)
        {
            throw new InputException($"the flow needs between 1 and {MaxSamples} samples");
        }

        if (start.Count != surface.Dimension)
        {
            throw new InputException($"the flow's start needs {surface.Dimension} value(s)");
        }

        var n = start.Count;
        var theta = start.ToArray();
        var lambda = double.IsFinite(surface.LambdaMax) && surface.LambdaMax > 0 ? surface.LambdaMax : 1;
        var interval = duration / samples;
        var sub = Math.Max(1, (int)Math.Ceiling(interval * lambda / 0.01));
        var h = interval / sub;
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var probe = new double[n];
        var points = new List<FlowPoint>(samples + 1) { new(0, (double[])theta.Clone(), surface.Value(theta)) };
        for (var s = 1; s <= samples; s++)
        {
            for (var j = 0; j < sub; j++)
            {
                Slope(surface, theta, theta, 0, k1, probe);
                Slope(surface, theta, k1, h / 2, k2, probe);
                Slope(surface, theta, k2, h / 2, k3, probe);
                Slope(surface, theta, k3, h, k4, probe);
                for (var i = 0; i < n; i++)
                {
                    theta[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
                }
            }

            points.Add(new FlowPoint(s * interval, (double[])theta.Clone(), surface.Value(theta)));
        }

        return points;
    }

    // slope = −∇L(θ + offset·direction); with offset 0 the direction is ignored.
    private static void Slope(Surface surface, double[] theta, double[] direction, double offset, double[] slope, double[] probe)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            probe[i] = offset == 0 ? theta[i] : theta[i] + (offset * direction[i]);
        }

        surface.ValueAndGradient(probe, slope);
        for (var i = 0; i < slope.Length; i++)
        {
            slope[i] = -slope[i];
        }
    }
}
