namespace LrLab.Core.Finder;

/// <summary>
/// One LR range test, advanced one mini-batch at a time so a caller can run it in slices (the browser
/// yields to the page between a few batches) and cancel it. The constructor snapshots the target;
/// <see cref="Complete"/> restores it, whatever happened, and analyses the curve.
/// </summary>
/// <remarks>
/// Mini-batch i trains at <see cref="RangeTestOptions.RateAt"/>(i) and records the loss measured before its
/// update. The smoothed loss is the debiased moving average (<see cref="LossSmoother"/>). The test stops
/// after the point whose smoothed loss is NaN or infinite, or exceeds best + (threshold − 1)·|best|
/// (4 × best for positive losses); that point is kept, so the curve shows the blow-up.
/// </remarks>
public sealed class RangeTestRun
{
    private readonly IRangeTestTarget _target;
    private readonly IRangeTestSnapshot _snapshot;
    private readonly LossSmoother _smoother;
    private readonly List<double> _lrs;
    private readonly List<double> _losses;
    private readonly List<double> _smoothed;
    private double _best = double.NaN;
    private bool _restored;

    /// <summary>Validates <paramref name="options"/> (<see cref="InputException"/>) and snapshots <paramref name="target"/>.</summary>
    public RangeTestRun(IRangeTestTarget target, RangeTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _target = target;
        Options = options;
        _smoother = new LossSmoother(options.Beta);
        _lrs = new List<double>(options.NumIter);
        _losses = new List<double>(options.NumIter);
        _smoothed = new List<double>(options.NumIter);
        _snapshot = target.Snapshot();
    }

    /// <summary>The settings this run uses.</summary>
    public RangeTestOptions Options { get; }

    /// <summary>Mini-batches run so far.</summary>
    public int Iteration => _lrs.Count;

    /// <summary>Fraction of the planned mini-batches run, 0 to 1 (1 once stopped).</summary>
    public double Progress => StopReason is null ? Iteration / (double)Options.NumIter : 1.0;

    /// <summary>Why the test ended, or <c>null</c> while it can go on.</summary>
    public RangeTestStop? StopReason { get; private set; }

    /// <summary>Rates recorded so far.</summary>
    public IReadOnlyList<double> Lrs => _lrs;

    /// <summary>Raw losses recorded so far.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>Smoothed losses recorded so far.</summary>
    public IReadOnlyList<double> SmoothedLosses => _smoothed;

    /// <summary>Runs one mini-batch. Returns false once the test has ended (no batch is run then).</summary>
    public bool Advance()
    {
        if (StopReason is not null || _restored)
        {
            return false;
        }

        var lr = Options.RateAt(Iteration);
        var loss = _target.TrainStep(lr);
        var smoothed = _smoother.Add(loss);
        _lrs.Add(lr);
        _losses.Add(loss);
        _smoothed.Add(smoothed);

        if (!double.IsFinite(smoothed))
        {
            StopReason = RangeTestStop.NonFinite;
        }
        else
        {
            if (Iteration == 1 || smoothed < _best)
            {
                _best = smoothed;
            }

            if (smoothed > _best + (Options.DivergeThreshold - 1) * Math.Abs(_best))
            {
                StopReason = RangeTestStop.Diverged;
            }
            else if (Iteration == Options.NumIter)
            {
                StopReason = RangeTestStop.Completed;
            }
        }

        return StopReason is null;
    }

    /// <summary>Puts the weights and optimizer state back (idempotent). Called by <see cref="Complete"/>.</summary>
    public void Restore()
    {
        if (!_restored)
        {
            _snapshot.Restore();
            _restored = true;
        }
    }

    /// <summary>
    /// Restores the target and returns the result. A run that has not ended is reported as
    /// <see cref="RangeTestStop.Cancelled"/> and analysed as far as it got.
    /// </summary>
    public FinderResult Complete()
    {
        Restore();
        StopReason ??= RangeTestStop.Cancelled;
        var analysis = FinderAnalysis.Analyse(_lrs, _smoothed);
        return new FinderResult(
            _target.Name,
            _target.OptimizerName,
            [.. _lrs],
            [.. _losses],
            [.. _smoothed],
            analysis.SuggestedLr,
            analysis.Method,
            analysis.SuggestedIndex,
            analysis.LowestLossLr,
            analysis.MinLossLr,
            analysis.ClimbLr,
            analysis.BelowClimbLr,
            analysis.Regions,
            StopReason.Value,
            Iteration,
            Options.Mode,
            Options.StartLr,
            Options.EndLr,
            Options.NumIter,
            Options.Beta,
            analysis.SkipStart,
            analysis.SkipEnd,
            _restored,
            FinderExplanation.Describe(analysis, StopReason.Value, Iteration, Options.NumIter));
    }
}
