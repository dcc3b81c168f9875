using System.Numerics.Tensors;

namespace LrLab.Core.Training;

/// <summary>
/// The sharpness, the largest eigenvalue of the loss's Hessian, by the Lanczos method on exact Hessian-vector
/// products (<see cref="MlpHessian"/>), warm-started from the previous measurement's top eigenvector: between two
/// measurements a few steps apart the eigenvector barely turns, so a handful of products settle it where a cold
/// start needs tens (the same warm start makes plain power iteration cheap too; Lanczos also copes when the top two
/// eigenvalues are close). Each step is re-orthogonalised against the whole basis, and the run stops when the top
/// Ritz value's residual bound β·|s_last| falls below <see cref="Tolerance"/> of it (Parlett, "The Symmetric
/// Eigenvalue Problem", ch. 13). Every buffer is allocated here; a measurement allocates nothing.
/// </summary>
public sealed class SharpnessEstimator
{
    /// <summary>Default largest Krylov basis (Hessian-vector products) per measurement.</summary>
    public const int DefaultMaxIterations = 20;

    /// <summary>Largest accepted <see cref="MaxIterations"/>.</summary>
    public const int IterationLimit = 100;

    /// <summary>Default relative residual at which a measurement stops.</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Products every measurement takes at least, so a stale warm start still explores a little.</summary>
    private const int MinIterations = 3;

    private readonly MlpHessian _hessian;
    private readonly float[] _basis;
    private readonly float[] _eigenvector;
    private readonly double[] _alpha;
    private readonly double[] _beta;
    private readonly TridiagonalEigen _ritz;

    /// <summary>An estimator over <paramref name="hessian"/>; the first measurement starts from a direction drawn from <paramref name="random"/>.</summary>
    public SharpnessEstimator(MlpHessian hessian, Random random, int maxIterations = DefaultMaxIterations, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxIterations, IterationLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);
        _hessian = hessian;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
        var n = hessian.Dimension;
        _basis = new float[(maxIterations + 1) * n];
        _eigenvector = new float[n];
        _alpha = new double[maxIterations];
        _beta = new double[maxIterations];
        _ritz = new TridiagonalEigen(maxIterations);
        for (var i = 0; i < n; i++)
        {
            _eigenvector[i] = (float)((2 * random.NextDouble()) - 1);
        }
    }

    /// <summary>Largest number of Hessian-vector products per measurement.</summary>
    public int MaxIterations { get; }

    /// <summary>Relative residual bound at which a measurement stops.</summary>
    public double Tolerance { get; }

    /// <summary>Products the last measurement took.</summary>
    public int LastIterations { get; private set; }

    /// <summary>Residual bound of the last measurement relative to its value (an upper bound on its relative error).</summary>
    public double LastResidual { get; private set; }

    /// <summary>Hessian-vector products over all measurements.</summary>
    public long TotalProducts { get; private set; }

    /// <summary>The top eigenvector found by the last measurement (unit length); the next one starts from it.</summary>
    public ReadOnlySpan<float> Eigenvector => _eigenvector;

    /// <summary>The largest Hessian eigenvalue at the model's current weights.</summary>
    public double Measure()
    {
        _hessian.Prepare();
        var n = _hessian.Dimension;
        var q0 = _basis.AsSpan(0, n);
        var norm = TensorPrimitives.Norm(_eigenvector);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            // A NaN or zero start (after a diverged step) would poison every product: restart from e1.
            _eigenvector.AsSpan().Clear();
            _eigenvector[0] = 1;
            norm = 1;
        }

        TensorPrimitives.Divide(_eigenvector, norm, q0);
        var size = 0;
        var theta = double.NaN;
        var residual = double.PositiveInfinity;
        for (var j = 0; j < MaxIterations; j++)
        {
            var q = _basis.AsSpan(j * n, n);
            var w = _basis.AsSpan((j + 1) * n, n);
            _hessian.Multiply(q, w);
            TotalProducts++;
            var alpha = (double)TensorPrimitives.Dot(w, q);
            TensorPrimitives.MultiplyAdd(q, (float)-alpha, w, w);
            if (j > 0)
            {
                TensorPrimitives.MultiplyAdd(_basis.AsSpan((j - 1) * n, n), (float)-_beta[j - 1], w, w);
            }

            // Full re-orthogonalisation: float rounding otherwise lets copies of the top eigenvector creep back in.
            for (var i = 0; i <= j; i++)
            {
                var qi = _basis.AsSpan(i * n, n);
                TensorPrimitives.MultiplyAdd(qi, -TensorPrimitives.Dot(w, qi), w, w);
            }

            var beta = (double)TensorPrimitives.Norm(w);
            _alpha[j] = alpha;
            _beta[j] = beta;
            size = j + 1;
            theta = _ritz.Solve(_alpha, _beta, size);
            residual = beta * Math.Abs(_ritz.Vector[size - 1]);
            if (!double.IsFinite(theta))
            {
                break;
            }

            var converged = residual <= Tolerance * Math.Abs(theta) || beta <= 1e-12 * Math.Max(1, Math.Abs(theta));
            if ((converged && size >= Math.Min(MinIterations, MaxIterations)) || size == MaxIterations || beta == 0)
            {
                break;
            }

            TensorPrimitives.Divide(w, (float)beta, w);
        }

        // The Ritz vector Σ s_i q_i is the next measurement's start.
        _eigenvector.AsSpan().Clear();
        for (var i = 0; i < size; i++)
        {
            TensorPrimitives.MultiplyAdd(_basis.AsSpan(i * n, n), (float)_ritz.Vector[i], _eigenvector, _eigenvector);
        }

        LastIterations = size;
        LastResidual = residual / Math.Abs(theta);
        return theta;
    }
}
