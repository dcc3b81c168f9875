using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Web.Lab;

namespace LrLab.Web.Sweep;

/// <summary>Maps the lab's state onto what the sweep panel sweeps.</summary>
public static class LabSweep
{
    /// <summary>The sweep setup for <paramref name="state"/>, or null when its optimizer or hyperparameters are invalid.</summary>
    public static SweepSetup? SetupFor(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var options = LabSetup.OptionsFor(state);
        var armijo = LabSimulation.ArmijoFor(state);
        try
        {
            if (LabSimulation.IsLineSearch(state.Optimizer))
            {
                armijo.Validate();
            }
            else
            {
                OptimizerFactory.Create(state.Optimizer, options);
            }
        }
        catch (InputException)
        {
            return null;
        }

        return new SweepSetup(state.Surface, state.Optimizer, options with { Lr = 0.01 }, state.Steps, state.Lr)
        {
            Start = state.Start,
            Schedule = state.Schedule,
            Batch = state.Batch ?? 1,
            Seed = state.Seed ?? 0,
            Armijo = armijo,
        };
    }
}
