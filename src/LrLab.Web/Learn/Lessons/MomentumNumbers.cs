using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Every number the momentum lesson states, computed with Core when the course loads.</summary>
public static class MomentumNumbers
{
    /// <summary>The β the lesson uses.</summary>
    public const double Beta = 0.9;

    /// <summary>The rate of the overshoot demonstration.</summary>
    public const double Lr = 0.05;

    private static readonly Surface _bowl = SurfaceCatalog.Find("bowl")!;
    private static readonly Surface _ravine = SurfaceCatalog.Find("ravine")!;

    /// <summary>Heavy ball at α 0.05, β 0.9 on the bowl.</summary>
    public static Trajectory BowlMomentum { get; } = Run(_bowl, Lr, Beta);

    /// <summary>Plain descent at α 0.05 on the bowl.</summary>
    public static Trajectory BowlPlain { get; } = Run(_bowl, Lr, 0);

    /// <summary>Largest x of <see cref="BowlMomentum"/> (it starts at −4).</summary>
    public static double SwingX => BowlMomentum.Steps.Max(p => p.Params[0]);

    /// <summary>Smallest y of <see cref="BowlMomentum"/> (it starts at 3).</summary>
    public static double SwingY => BowlMomentum.Steps.Min(p => p.Params[1]);

    /// <summary>Heavy ball's limit on the bowl at β 0.9.</summary>
    public static double HeavyBallLimit => MomentumTheory.For(_bowl.Curvature!, Beta)!.StabilityLimit!.Value;

    /// <summary>PyTorch Nesterov's limit on the bowl at β 0.9.</summary>
    public static double NesterovLimit => MomentumTheory.For(_bowl.Curvature!, Beta, nesterov: true)!.StabilityLimit!.Value;

    /// <summary>Plain descent's limit on the bowl.</summary>
    public static double PlainLimit => RateTheory.GradientDescent(_bowl.Curvature)!.StabilityLimit!.Value;

    /// <summary>The ravine's curvature.</summary>
    public static Curvature Ravine => _ravine.Curvature!;

    /// <summary>Best β on the ravine.</summary>
    public static double BestBeta => MomentumTheory.BestBeta(Ravine);

    /// <summary>Best heavy-ball rate on the ravine.</summary>
    public static double BestRate => MomentumTheory.BestRate(Ravine);

    /// <summary>Plain descent at its best rate 2/(λmin + λmax) on the ravine, 1,000 steps.</summary>
    public static Trajectory RavinePlain { get; } = Run(_ravine, Ravine.OptimalRate, 0, 1000);

    /// <summary>Heavy ball at the best α and β on the ravine, 1,000 steps.</summary>
    public static Trajectory RavineMomentum { get; } = Run(_ravine, BestRate, BestBeta, 1000);

    /// <summary>Per-step error factor of the best heavy ball on the ravine, (√κ − 1)/(√κ + 1).</summary>
    public static double BestContraction => MomentumTheory.For(Ravine, BestBeta)!.Contraction(BestRate)!.Value;

    /// <summary>Per-step error factor of plain descent at its best rate on the ravine, (κ − 1)/(κ + 1).</summary>
    public static double PlainContraction => RateTheory.GradientDescent(Ravine)!.Contraction(Ravine.OptimalRate)!.Value;

    /// <summary>Short text of a number.</summary>
    public static string N(double v, int digits = 3) => Numbers.Short(v, digits);

    /// <summary>Runs SGD (with momentum β when positive) from the surface's start.</summary>
    public static Trajectory Run(Surface surface, double lr, double beta, int steps = 200) =>
        Simulator.Run(surface, new Sgd(new OptimizerOptions { Lr = lr, Momentum = beta > 0 ? beta : null }), new SimulationOptions { Steps = steps });
}
