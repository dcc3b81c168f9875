using System.Globalization;

namespace LrLab.Web.Lab;

/// <summary>
/// The rates quadratic theory marks near the minimum: with curvatures λmin ≤ λmax, plain gradient descent
/// multiplies the error along each eigenvector by (1 − αλ) per step.
/// </summary>
public static class TheoryTicks
{
    /// <summary>Ticks for this setup, smallest rate first; empty when the curvature is unknown or not positive.</summary>
    public static IReadOnlyList<TheoryTick> For(LabSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Surface.Curvature is not { } c || !(c.LambdaMax > 0) || !double.IsFinite(c.LambdaMax))
        {
            return [];
        }

        if (setup.IsLineSearch)
        {
            // Only the divergence limit still says something: above it a fixed rate blows up, while the search
            // cuts such first steps back. The other marks describe fixed-rate behaviour the search does not have.
            return [new(2 / c.LambdaMax, "2/λmax", $"a fixed rate diverges above {Say(2 / c.LambdaMax)}; line search cuts any longer first step back until the loss falls enough, so α₀ may lie above it")];
        }

        var ticks = new List<TheoryTick>
        {
            new(1 / c.LambdaMax, "1/λmax", $"oscillation begins: above {Say(1 / c.LambdaMax)} the steepest direction overshoots and flips sign each step"),
        };
        if (c.LambdaMin > 0 && c.LambdaMin < c.LambdaMax)
        {
            ticks.Add(new(c.OptimalRate, "2/(λmin+λmax)", $"fastest plain gradient descent: at {Say(c.OptimalRate)} the slowest direction and the steepest one shrink equally fast"));
        }

        ticks.Add(new(2 / c.LambdaMax, "2/λmax", $"divergence: above {Say(2 / c.LambdaMax)} each step multiplies the error by more than 1"));
        var beta = setup.MomentumBeta;
        if (beta > 0)
        {
            var limit = setup.Surface.MomentumLimit(beta);
            ticks.Add(new(limit, "(2+2β)/λmax", $"divergence with momentum β = {Say(beta)}: heavy-ball momentum stays stable up to {Say(limit)}"));
        }

        return [.. ticks.OrderBy(t => t.Lr)];
    }

    private static string Say(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
