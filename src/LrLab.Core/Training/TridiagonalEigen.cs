namespace LrLab.Core.Training;

/// <summary>
/// The largest eigenvalue and its unit eigenvector of a small symmetric tridiagonal matrix (the Lanczos matrix T
/// with diagonal α and off-diagonal β), by cyclic Jacobi rotations in float64: slow in theory (O(n³) a sweep) but
/// n is at most a hundred here, it is accurate to rounding, and with its buffers allocated once it allocates nothing.
/// </summary>
internal sealed class TridiagonalEigen
{
    private const int MaxSweeps = 60;

    private readonly int _capacity;
    private readonly double[] _matrix;
    private readonly double[] _vectors;

    public TridiagonalEigen(int capacity)
    {
        _capacity = capacity;
        _matrix = new double[capacity * capacity];
        _vectors = new double[capacity * capacity];
        Vector = new double[capacity];
    }

    /// <summary>The eigenvector of the last <see cref="Solve"/>'s largest eigenvalue (first <c>size</c> entries).</summary>
    public double[] Vector { get; }

    /// <summary>Largest eigenvalue of the size × size matrix with diagonal <paramref name="alpha"/> and off-diagonal <paramref name="beta"/>.</summary>
    public double Solve(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, _capacity);
        var n = size;
        var a = _matrix.AsSpan(0, n * n);
        var v = _vectors.AsSpan(0, n * n);
        a.Clear();
        v.Clear();
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] = alpha[i];
            v[(i * n) + i] = 1;
            scale = Math.Max(scale, Math.Abs(alpha[i]));
            if (i + 1 < n)
            {
                a[(i * n) + i + 1] = a[((i + 1) * n) + i] = beta[i];
                scale = Math.Max(scale, Math.Abs(beta[i]));
            }
        }

        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off = Math.Max(off, Math.Abs(a[(p * n) + q]));
                }
            }

            if (!(off > 1e-15 * scale))
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    Rotate(a, v, n, p, q);
                }
            }
        }

        var best = 0;
        for (var i = 1; i < n; i++)
        {
            if (a[(i * n) + i] > a[(best * n) + best])
            {
                best = i;
            }
        }

        for (var i = 0; i < n; i++)
        {
            Vector[i] = v[(i * n) + best];
        }

        return a[(best * n) + best];
    }

    /// <summary>One Jacobi rotation zeroing a[p, q] (Golub and Van Loan, algorithm 8.5.2), applied to the eigenvectors too.</summary>
    private static void Rotate(Span<double> a, Span<double> v, int n, int p, int q)
    {
        var apq = a[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        var tau = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        var t = Math.Sign(tau) == 0 ? 1 : Math.Sign(tau) / (Math.Abs(tau) + Math.Sqrt(1 + (tau * tau)));
        var c = 1 / Math.Sqrt(1 + (t * t));
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var akp = a[(k * n) + p];
            var akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[(p * n) + k];
            var aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }

        for (var k = 0; k < n; k++)
        {
            var vkp = v[(k * n) + p];
            var vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
