namespace LrLab.Core.Surfaces;

/// <summary>
/// The eigenvectors of a surface's Hessian at its minimum: the directions along which a quadratic model separates
/// into independent one-dimensional problems. They turn with the surface, so a judgement made along them (e.g.
/// whether a run crosses the minimum back and forth) gives the same answer for the ravine and the rotated ravine.
/// </summary>
public static class PrincipalAxes
{
    private const int MaxSweeps = 64;

    /// <summary>
    /// Writes the unit eigenvectors of the Hessian at <paramref name="minimum"/> into <paramref name="axes"/>, one per
    /// row (row i is <c>axes[(i·n)..((i + 1)·n)]</c>, n = the minimum's dimension), ordered by increasing curvature.
    /// The Hessian comes from central differences of the gradient (exact up to rounding on a quadratic) and is
    /// diagonalised by cyclic Jacobi rotations. Returns false, leaving <paramref name="axes"/> unspecified, when the
    /// gradient is not finite there.
    /// </summary>
    public static bool TryAt(Surface surface, IReadOnlyList<double> minimum, Span<double> axes)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(minimum);
        var n = minimum.Count;
        if (axes.Length < n * n)
        {
            throw new ArgumentException("axes needs room for n × n entries", nameof(axes));
        }

        Span<double> hessian = n <= 8 ? stackalloc double[n * n] : new double[n * n];
        Span<double> point = n <= 8 ? stackalloc double[n] : new double[n];
        Span<double> plus = n <= 8 ? stackalloc double[n] : new double[n];
        Span<double> minus = n <= 8 ? stackalloc double[n] : new double[n];
        for (var i = 0; i < n; i++)
        {
            var h = 1e-4 * Math.Max(1, Math.Abs(minimum[i]));
            for (var d = 0; d < n; d++)
            {
                point[d] = minimum[d];
            }

            point[i] = minimum[i] + h;
            surface.ValueAndGradient(point, plus);
            point[i] = minimum[i] - h;
            surface.ValueAndGradient(point, minus);
            for (var j = 0; j < n; j++)
            {
                hessian[(j * n) + i] = (plus[j] - minus[j]) / (2 * h);
            }
        }

        for (var i = 0; i < n * n; i++)
        {
            if (!double.IsFinite(hessian[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var mean = 0.5 * (hessian[(i * n) + j] + hessian[(j * n) + i]);
                hessian[(i * n) + j] = mean;
                hessian[(j * n) + i] = mean;
            }
        }

        // Columns of v accumulate the rotations: A = V·D·Vᵀ at the end.
        Span<double> v = n <= 8 ? stackalloc double[n * n] : new double[n * n];
        v.Clear();
        for (var i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        Jacobi(hessian, v, n);

        // Rows of axes = columns of v, by increasing eigenvalue (a stable insertion order for ties).
        Span<int> order = n <= 8 ? stackalloc int[n] : new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        for (var i = 1; i < n; i++)
        {
            for (var k = i; k > 0 && hessian[(order[k] * n) + order[k]] < hessian[(order[k - 1] * n) + order[k - 1]]; k--)
            {
                (order[k], order[k - 1]) = (order[k - 1], order[k]);
            }
        }

        for (var r = 0; r < n; r++)
        {
            for (var d = 0; d < n; d++)
            {
                axes[(r * n) + d] = v[(d * n) + order[r]];
            }
        }

        return true;
    }

    private static void Jacobi(Span<double> a, Span<double> v, int n)
    {
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, total = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    total += a[(i * n) + j] * a[(i * n) + j];
                    if (i != j)
                    {
                        off += a[(i * n) + j] * a[(i * n) + j];
                    }
                }
            }

            if (off <= 1e-30 * total)
            {
                return;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[(p * n) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    // The rotation that zeroes a[p, q] (Golub & Van Loan, the symmetric Schur decomposition).
                    var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        double akp = a[(k * n) + p], akq = a[(k * n) + q];
                        a[(k * n) + p] = (c * akp) - (s * akq);
                        a[(k * n) + q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double apk = a[(p * n) + k], aqk = a[(q * n) + k];
                        a[(p * n) + k] = (c * apk) - (s * aqk);
                        a[(q * n) + k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double vkp = v[(k * n) + p], vkq = v[(k * n) + q];
                        v[(k * n) + p] = (c * vkp) - (s * vkq);
                        v[(k * n) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }
    }
}
