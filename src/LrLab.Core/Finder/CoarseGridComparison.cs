namespace LrLab.Core.Finder;

/// <summary>
/// Checks a suggestion against the coarse search a person would do by hand: train each grid rate for the
/// same budget from the same initial weights and batch order, rank the runs, and see whether the grid
/// rate nearest the suggestion (in log distance) is the winner.
/// </summary>
public static class CoarseGridComparison
{
    /// <summary>
    /// Trains a fresh target from <paramref name="create"/> at each of <paramref name="rates"/> for
    /// <paramref name="steps"/> mini-batches and scores it with <paramref name="evaluate"/> (test loss and
    /// accuracy, either may be null).
    /// </summary>
    public static GridComparison Run(
        Func<IRangeTestTarget> create,
        IReadOnlyList<double> rates,
        int steps,
        double? suggestedLr,
        Func<IRangeTestTarget, (double? Loss, double? Accuracy)> evaluate,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (rates.Count == 0)
        {
            throw new ArgumentException("the grid needs at least one rate", nameof(rates));
        }

        var runs = new List<GridRun>(rates.Count);
        foreach (var lr in rates.Order())
        {
            var target = create();
            try
            {
                runs.Add(Train(target, lr, steps, evaluate, cancellation));
            }
            finally
            {
                (target as IDisposable)?.Dispose();
            }
        }

        var best = runs.OrderBy(Score).First().Lr;
        double? nearest = suggestedLr is { } s && s > 0 ? rates.MinBy(r => Math.Abs(Math.Log(r / s))) : null;
        return new GridComparison(runs, best, suggestedLr, nearest, nearest == best);
    }

    private static GridRun Train(IRangeTestTarget target, double lr, int steps, Func<IRangeTestTarget, (double? Loss, double? Accuracy)> evaluate, CancellationToken cancellation)
    {
        var losses = new List<double>(steps);
        for (var i = 0; i < steps; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var loss = target.TrainStep(lr);
            losses.Add(loss);
            if (!double.IsFinite(loss))
            {
                return new GridRun(lr, losses.Count, double.NaN, null, null, true);
            }
        }

        var tail = Math.Max(1, steps / 10);
        var (testLoss, accuracy) = evaluate(target);
        var diverged = testLoss is { } t && !double.IsFinite(t);
        return new GridRun(lr, steps, losses.Skip(steps - tail).Average(), testLoss, accuracy, diverged);
    }

    private static double Score(GridRun run)
    {
        if (run.Diverged)
        {
            return double.PositiveInfinity;
        }

        var value = run.TestLoss ?? run.FinalTrainLoss;
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }
}
