namespace LrLab.Core.Finder;

/// <summary>
/// Exponential moving average of the loss with Adam-style bias correction, as fastai and Lightning
/// smooth their range tests: avg ← β·avg + (1 − β)·loss, smoothed = avg / (1 − β^k) after k losses.
/// Without the correction the first values would be pulled towards zero.
/// </summary>
public sealed class LossSmoother
{
    private readonly double _beta;
    private double _average;
    private int _count;

    /// <summary>A smoother with factor <paramref name="beta"/> in [0, 1).</summary>
    public LossSmoother(double beta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(beta);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(beta, 1.0);
        _beta = beta;
    }

    /// <summary>Adds one loss and returns the debiased smoothed value. NaN stays NaN from then on.</summary>
    public double Add(double loss)
    {
        _average = _beta * _average + (1 - _beta) * loss;
        _count++;
        return _average / (1 - Math.Pow(_beta, _count));
    }
}
