using System.Globalization;

namespace LrLab.Core.Finder;

/// <summary>
/// Settings of an LR range test. The defaults are fastai's <c>lr_find</c>: 100 mini-batches from 1e-7
/// to 10 on a geometric ramp, loss smoothed with β = 0.98 (debiased), stop once the smoothed loss
/// exceeds 4× its best.
/// </summary>
public sealed record RangeTestOptions
{
    /// <summary>Largest accepted <see cref="NumIter"/>.</summary>
    public const int MaxIterations = 100_000;

    /// <summary>fastai's first rate, 1e-7.</summary>
    public const double DefaultStartLr = 1e-7;

    /// <summary>fastai's last rate, 10.</summary>
    public const double DefaultEndLr = 10;

    /// <summary>fastai's number of mini-batches, 100.</summary>
    public const int DefaultNumIter = 100;

    /// <summary>fastai's smoothing factor, 0.98.</summary>
    public const double DefaultBeta = 0.98;

    /// <summary>fastai's stop: 4× the best smoothed loss.</summary>
    public const double DefaultDivergeThreshold = 4;

    /// <summary>Rate of the first mini-batch (<c>--start-lr</c>).</summary>
    public double StartLr { get; init; } = DefaultStartLr;

    /// <summary>Rate of the last mini-batch (<c>--end-lr</c>).</summary>
    public double EndLr { get; init; } = DefaultEndLr;

    /// <summary>Number of mini-batches, one rate each (<c>--num-iter</c>), at least 2.</summary>
    public int NumIter { get; init; } = DefaultNumIter;

    /// <summary>Geometric or linear ramp (<c>--mode exp|linear</c>).</summary>
    public RangeTestMode Mode { get; init; } = RangeTestMode.Exponential;

    /// <summary>Smoothing factor β of the debiased moving average of the loss, in [0, 1); 0 means no smoothing.</summary>
    public double Beta { get; init; } = DefaultBeta;

    /// <summary>
    /// Stop once the smoothed loss exceeds <c>best + (threshold − 1)·|best|</c>, which is threshold × best
    /// for the usual positive losses (4 by default); must be above 1.
    /// </summary>
    public double DivergeThreshold { get; init; } = DefaultDivergeThreshold;

    /// <summary>The rate used by mini-batch <paramref name="iteration"/> (0-based); the last one uses exactly <see cref="EndLr"/>.</summary>
    public double RateAt(int iteration)
    {
        var fraction = iteration / (double)(NumIter - 1);
        return Mode == RangeTestMode.Exponential
            ? StartLr * Math.Pow(EndLr / StartLr, fraction)
            : StartLr + (EndLr - StartLr) * fraction;
    }

    /// <summary>Throws an <see cref="InputException"/> naming the parameter when a setting is out of range.</summary>
    public void Validate()
    {
        if (!(StartLr > 0) || !double.IsFinite(StartLr))
        {
            throw Bad("start_lr", $"must be a positive number, got {StartLr}");
        }

        if (!(EndLr > StartLr) || !double.IsFinite(EndLr))
        {
            throw Bad("end_lr", $"must be a finite number above the start rate ({StartLr}), got {EndLr}");
        }

        if (NumIter is < 2 or > MaxIterations)
        {
            throw Bad("num_iter", $"must be between 2 and {MaxIterations}, got {NumIter}");
        }

        if (!(Beta >= 0 && Beta < 1))
        {
            throw Bad("beta", $"(smoothing) must be in [0, 1), got {Beta}");
        }

        if (!(DivergeThreshold > 1) || !double.IsFinite(DivergeThreshold))
        {
            throw Bad("diverge_threshold", $"must be a finite number above 1, got {DivergeThreshold}");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw Bad("mode", $"must be exp or linear, got {(int)Mode}");
        }
    }

    private static InputException Bad(string parameter, FormattableString problem) => InputException.For(parameter, problem.ToString(CultureInfo.InvariantCulture));
}
