using LrLab.Core.Surfaces;

namespace LrLab.Core.Simulation;

/// <summary>
/// Whether a run oscillates, judged along the principal axes of the surface (the Hessian's eigenvectors at the
/// minimum, <see cref="PrincipalAxes"/>), so turning a surface does not change the answer. On a deterministic surface
/// with a known minimum, a run oscillates when, along some axis, the error crosses the minimum (changes sign) at least
/// <see cref="MinCrossings"/> times, each crossing landing at least <see cref="Significance"/> of the whole error
/// past it: the zig-zag of plain descent above 1/λ and the swing of momentum both count; a bounce in a direction that
/// has already died out (or rounding) does not. The same count over the second half of the window says whether the
/// oscillation lasts, i.e. whether it is what makes a slow run slow. On a stochastic surface gradient noise crosses the
/// minimum at random, so there the older rule holds along the axes: the update flips sign on at least 3 of 4
/// consecutive steps. A surface without a known minimum falls back to that rule along the coordinate axes.
/// </summary>
internal static class Oscillation
{
    /// <summary>Crossings of the minimum along one axis that make a run oscillating.</summary>
    public const int MinCrossings = 3;

    /// <summary>How far past the minimum a crossing must land, as a fraction of the error's length at that step.</summary>
    public const double Significance = 0.01;

    /// <summary>
    /// <c>Any</c>: the run oscillates within the first <paramref name="window"/> updates (at least 10);
    /// <c>Lasting</c>: it still does in the second half of them.
    /// </summary>
    public static (bool Any, bool Lasting) Judge(Surface surface, RunRecord run, int window)
    {
        var last = Math.Min(run.Finite.Length - 1, Math.Max(window, 10));
        var dims = run.Dims;
        if (last < 1)
        {
            return (false, false);
        }

        Span<double> axes = dims <= 8 ? stackalloc double[dims * dims] : new double[dims * dims];
        var known = surface.Curvature is { } c && c.Minimum.Count == dims && PrincipalAxes.TryAt(surface, c.Minimum, axes);
        if (!known)
        {
            axes.Clear();
            for (var i = 0; i < dims; i++)
            {
                axes[(i * dims) + i] = 1;
            }
        }

        if (!known || surface.IsStochastic)
        {
            return Flips(run, last, axes);
        }

        // The minimum as a span: an IReadOnlyList read per element and step is an interface call each in the
        // browser's interpreter, where the sweep panel judges hundreds of runs.
        var minimum = surface.Curvature!.Minimum;
        Span<double> at = dims <= 8 ? stackalloc double[dims] : new double[dims];
        for (var d = 0; d < dims; d++)
        {
            at[d] = minimum[d];
        }

        return Crossings(run, last, at, axes);
    }

    /// <remarks>
    /// The hot loop of a sweep's judgement (every step of every run): the projection is written out here rather than
    /// called per step, and the count stops as soon as some axis has <see cref="MinCrossings"/> lasting crossings, which
    /// settles both answers. Same arithmetic, in the same order, as projecting each step on its own.
    /// </remarks>
    private static (bool Any, bool Lasting) Crossings(RunRecord run, int last, ReadOnlySpan<double> minimum, ReadOnlySpan<double> axes)
    {
        var dims = run.Dims;
        var parameters = run.Parameters;
        Span<double> previous = dims <= 8 ? stackalloc double[dims] : new double[dims];
        Span<double> current = dims <= 8 ? stackalloc double[dims] : new double[dims];
        Span<int> all = dims <= 8 ? stackalloc int[dims] : new int[dims];
        Span<int> late = dims <= 8 ? stackalloc int[dims] : new int[dims];
        all.Clear();
        late.Clear();
        Project(parameters[..dims], minimum, axes, previous);
        for (var k = 1; k <= last; k++)
        {
            var length = Math.Sqrt(Project(parameters.Slice(k * dims, dims), minimum, axes, current));
            var threshold = Significance * length;
            for (var i = 0; i < dims; i++)
            {
                var c = current[i];
                if (c * previous[i] < 0 && Math.Abs(c) >= threshold)
                {
                    all[i]++;
                    if (2 * k > last && ++late[i] >= MinCrossings)
                    {
                        return (true, true);
                    }
                }

                if (c != 0)
                {
                    previous[i] = c;
                }
            }
        }

        var any = false;
        for (var i = 0; i < dims; i++)
        {
            any |= all[i] >= MinCrossings;
        }

        return (any, false);
    }

    /// <summary>The error θ − θ* in axis coordinates, written into <paramref name="into"/>; returns its squared length.</summary>
    private static double Project(ReadOnlySpan<double> point, ReadOnlySpan<double> minimum, ReadOnlySpan<double> axes, Span<double> into)
    {
        var dims = point.Length;
        var squares = 0.0;
        for (var i = 0; i < dims; i++)
        {
            var row = axes.Slice(i * dims, dims);
            var sum = 0.0;
            for (var d = 0; d < dims; d++)
            {
                sum += row[d] * (point[d] - minimum[d]);
            }

            into[i] = sum;
            squares += sum * sum;
        }

        return squares;
    }

    /// <summary>
    /// The noise-proof rule: along some axis the update flips sign on at least 3 of 4 consecutive steps (and at least
    /// 3 times); gradient noise flips about half the time, so it does not count.
    /// </summary>
    private static (bool Any, bool Lasting) Flips(RunRecord run, int last, ReadOnlySpan<double> axes)
    {
        var dims = run.Dims;
        var parameters = run.Parameters;
        for (var i = 0; i < dims; i++)
        {
            int flips = 0, pairs = 0;
            var previous = 0.0;
            for (var k = 1; k <= last; k++)
            {
                var delta = 0.0;
                for (var d = 0; d < dims; d++)
                {
                    delta += axes[(i * dims) + d] * (parameters[(k * dims) + d] - parameters[((k - 1) * dims) + d]);
                }

                if (delta != 0 && previous != 0)
                {
                    pairs++;
                    if (Math.Sign(delta) != Math.Sign(previous))
                    {
                        flips++;
                    }
                }

                previous = delta;
            }

            if (flips >= 3 && flips >= 0.75 * pairs)
            {
                return (true, true);
            }
        }

        return (false, false);
    }
}
