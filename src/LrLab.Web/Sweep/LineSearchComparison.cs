using LrLab.Core;
using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Sweep;

/// <summary>Plain gradient descent at a fixed rate against backtracking line search starting from the same rate.</summary>
/// <param name="Fixed">SGD at the fixed rate.</param>
/// <param name="Searched">The line-search run (its trajectory lists every update's probes).</param>
public sealed record LineSearchComparison(Trajectory Fixed, Trajectory Searched)
{
    /// <summary>Runs both on <paramref name="setup"/>'s surface and start, with the lab's rate; null (and a message) on bad input.</summary>
    public static (LineSearchComparison? Comparison, string? Error) For(SweepSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        try
        {
            var surface = SurfaceCatalog.Resolve(setup.Surface);
            var options = new SimulationOptions { Steps = Math.Min(setup.Steps, 1000), Start = setup.Start, BatchSize = Math.Max(1, setup.Batch), Seed = setup.Seed };
            var fixedRun = Simulator.Run(surface, OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = setup.CurrentLr }), options);
            var searched = BacktrackingLineSearch.Run(surface, setup.CurrentLr, setup.Armijo, options);
            return (new LineSearchComparison(fixedRun, searched), null);
        }
        catch (InputException e)
        {
            return (null, ParameterNames.Say(e));
        }
    }
}
