using System.Globalization;
using LrLab.Core;

namespace LrLab.Web.Lab;

/// <summary>How the lab names its runs and numbers in the legend, the loss chart and the panels.</summary>
public static class RunLabels
{
    /// <summary>How the legend, chart and verdict name an optimizer ("line search" for the lab's <c>linesearch</c>).</summary>
    public static string OptimizerLabel(string optimizer) => LabSimulation.IsLineSearch(optimizer) ? "line search" : optimizer;

    /// <summary>"α = 0.05" in a race of one optimizer; "adam · α = 0.1" when the race mixes optimizers.</summary>
    public static string RunLabel(LabSession session, LabRun run)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(run);
        var rate = (run.Setup.IsLineSearch ? "α₀ = " : "α = ") + Fmt(run.Lr);
        return session.Mixed ? OptimizerLabel(run.Optimizer) + " · " + rate : "α = " + Fmt(run.Lr);
    }

    /// <summary>Written at the end of each raced line so it can be told apart without its colour; null for a lone run.</summary>
    public static string? EndLabel(LabSession session, LabRun run)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(run);
        return session.Runs.Count < 2 ? null : session.Mixed ? OptimizerLabel(run.Optimizer) + " " + Fmt(run.Lr) : Fmt(run.Lr);
    }

    /// <summary>How far the run got: overflowed, converged, moving away or not yet (with the estimate at this pace).</summary>
    public static string ConvergeText(LabRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var t = run.Trajectory;
        if (t.BlowUpStep is { } b)
        {
            return $"overflowed at step {b}";
        }

        if (t.StepsToConverge is { } k)
        {
            return $"converged in {k} steps";
        }

        if (t.Pattern == Pattern.Diverging)
        {
            return $"moving away: loss {Numbers.Short(t.FinalLoss, 3)} by step {t.Steps.Count - 1}";
        }

        return t.EstimatedStepsToConverge is { } e
            ? $"not within {t.Steps.Count - 1} steps (≈{e.ToString("N0", CultureInfo.InvariantCulture)} at this pace)"
            : $"not within {t.Steps.Count - 1} steps";
    }

    /// <summary>A rate or number in four significant digits.</summary>
    public static string Fmt(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A point as "(x, y)" in short numbers.</summary>
    public static string Point(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return "(" + string.Join(", ", p.Select(v => Numbers.Short(v))) + ")";
    }
}
