namespace LrLab.Core.Plotting;

/// <summary>Which outcome of a sweep a chart plots against the rate.</summary>
public enum SweepMetric
{
    /// <summary>The loss at the end of each run.</summary>
    FinalLoss,

    /// <summary>Updates until the run converged (rates that never did are left out).</summary>
    StepsToConverge,
}
