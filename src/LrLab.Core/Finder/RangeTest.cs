namespace LrLab.Core.Finder;

/// <summary>The LR range test (Smith 2015, as popularised by fastai's <c>lr_find</c>) in one call.</summary>
public static class RangeTest
{
    /// <summary>
    /// Runs the test on <paramref name="target"/> to the end (or until <paramref name="cancellation"/>
    /// fires), reporting each mini-batch to <paramref name="progress"/>, and returns the result. The
    /// target's weights and optimizer state are restored afterwards, also when a step throws.
    /// </summary>
    public static FinderResult Run(IRangeTestTarget target, RangeTestOptions? options = null, IProgress<RangeTestRun>? progress = null, CancellationToken cancellation = default)
    {
        var run = new RangeTestRun(target, options ?? new RangeTestOptions());
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var more = run.Advance();
                progress?.Report(run);
                if (!more)
                {
                    break;
                }
            }
        }
        catch
        {
            run.Restore();
            throw;
        }

        return run.Complete();
    }
}
