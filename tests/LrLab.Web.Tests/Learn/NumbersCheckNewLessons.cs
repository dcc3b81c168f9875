using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;
using LrLab.Core.Training;
using LrLab.Web.Lab;
using LrLab.Web.Learn;
using static LrLab.Web.Learn.LessonRuns;

namespace LrLab.Web.Tests.Learn;

/// <summary>
/// The ledger of issue 14's new lessons (momentum, gradient flow, Adam and the axes, sanity checks, the batch rework).
/// Each claim is recomputed here with the same Core calls the lesson makes when it renders (the simulator, the
/// theory, the sanity checks), never read back from the lesson's own numbers.
/// </summary>
public sealed partial class NumbersCheckTests
{
    private const int BatchFrom = 1000;
    private const int BatchTo = 2000;
    private static readonly Surface _noisy = SurfaceCatalog.Find("noisy-bowl")!;
    private static readonly Surface _rotated = SurfaceCatalog.Find("rotated-ravine")!;
    private static readonly double[] _flowRates = [0.01, 0.1, 0.25, 0.5, 0.75, 1.0];
    private static readonly (string Optimizer, double Lr)[] _axesRuns = [("sgd", 0.03), ("adam", 0.05), ("adam", 0.1), ("adam", 0.2), ("adam", 0.5)];

    private static double NoisyLimit => RateTheory.GradientDescent(_noisy.Curvature)!.StabilityLimit!.Value;

    private static IEnumerable<(string Slug, string Written, double Value)> NewLessonClaims()
    {
        // Momentum: heavy ball (PyTorch SGD with momentum 0.9) on the bowl and the ravine.
        var heavy = HeavyBall(Bowl, 0.05, 0.9);
        var plain = HeavyBall(Bowl, 0.05, 0);
        var ravine = Ravine.Curvature!;
        var bestBeta = MomentumTheory.BestBeta(ravine);
        var bestRate = MomentumTheory.BestRate(ravine);
        var heavyLimit = MomentumTheory.For(Bowl.Curvature!, 0.9)!.StabilityLimit!.Value;
        yield return ("momentum", "4", Bowl.LambdaMax);
        yield return ("momentum", "3", heavy.Steps[0].Params[1]);
        yield return ("momentum", "10", MomentumTheory.EffectiveRate(1, 0.9));
        yield return ("momentum", "0.1", MomentumTheory.EffectiveRate(0.01, 0.9));
        yield return ("momentum", "2.41", heavy.Steps.Max(p => p.Params[0]));
        yield return ("momentum", "2.13", -heavy.Steps.Min(p => p.Params[1]));
        yield return ("momentum", "62", heavy.StepsToConverge!.Value);
        yield return ("momentum", "30", plain.StepsToConverge!.Value);
        yield return ("momentum", "0.95", heavyLimit);
        yield return ("momentum", "1.9", 2 * heavyLimit);
        yield return ("momentum", "3.8", heavyLimit * Bowl.LambdaMax);
        yield return ("momentum", "0.339", MomentumTheory.For(Bowl.Curvature!, 0.9, nesterov: true)!.StabilityLimit!.Value);
        yield return ("momentum", "50", ravine.ConditionNumber);
        yield return ("momentum", "0.566", bestBeta);
        yield return ("momentum", "0.0614", bestRate);
        yield return ("momentum", "0.752", MomentumTheory.For(ravine, bestBeta)!.Contraction(bestRate)!.Value);
        yield return ("momentum", "0.961", RateTheory.GradientDescent(ravine)!.Contraction(ravine.OptimalRate)!.Value);
        yield return ("momentum", "0.0392", ravine.OptimalRate);
        yield return ("momentum", "26", HeavyBall(Ravine, bestRate, bestBeta, 1000).StepsToConverge!.Value);
        yield return ("momentum", "87", HeavyBall(Ravine, ravine.OptimalRate, 0, 1000).StepsToConverge!.Value);
        var kappa100 = new Curvature([0.0, 0.0], 1, 100);
        yield return ("momentum", "9", Math.Sqrt(kappa100.ConditionNumber) - 1);
        yield return ("momentum", "11", Math.Sqrt(kappa100.ConditionNumber) + 1);
        yield return ("momentum", "0.669", MomentumTheory.BestBeta(kappa100));
        Assert.Equal(-4, heavy.Steps[0].Params[0]);
        Assert.True(plain.Steps.All(p => p.Params[0] <= 0), "plain descent at 0.05 never crosses x = 0");
        Assert.NotNull(HeavyBall(Bowl, 0.9, 0.9).StepsToConverge);
        Assert.Equal(Pattern.Diverging, HeavyBall(Bowl, 0.9, 0).Pattern);

        // Gradient flow: the parabola L = w² (λ = 2) and the bowl at 0.3.
        var parabola = SurfaceCatalog.Find("parabola")!;
        yield return ("gradient-flow", "4", Bowl.LambdaMax);
        yield return ("gradient-flow", "3", Bowl.DefaultStart[1]);
        yield return ("gradient-flow", "0.2", 0.1 * parabola.LambdaMax);
        yield return ("gradient-flow", "0.8", 1 - (0.1 * parabola.LambdaMax));
        yield return ("gradient-flow", "0.5", -(1 - (0.75 * parabola.LambdaMax)));
        Assert.Equal(4, parabola.DefaultStart[0]);
        Assert.Equal(0, 1 - (0.5 * parabola.LambdaMax));
        var bowlAt03 = Simulator.Run(Bowl, new Sgd(new OptimizerOptions { Lr = 0.3 }), new SimulationOptions { Steps = 10 });
        Assert.True(bowlAt03.Steps[1].Params[1] < 0 && Math.Abs(bowlAt03.Steps[10].Params[1]) < 3, "at 0.3 the bowl's y flips sign and still shrinks");

        // Adam and the axes: the two surfaces' curvatures and formulas.
        var rotated = _rotated.Curvature!;
        yield return ("adam-and-axes", "1", rotated.LambdaMin);
        yield return ("adam-and-axes", "50", rotated.LambdaMax);
        yield return ("adam-and-axes", "2", ravine.LambdaMin * 2);
        yield return ("adam-and-axes", "0.5", ravine.LambdaMin / 2);
        yield return ("adam-and-axes", "25", ravine.LambdaMax / 2);
        yield return ("adam-and-axes", "0.25", rotated.LambdaMin / 4);
        yield return ("adam-and-axes", "12.5", rotated.LambdaMax / 4);
        yield return ("adam-and-axes", "0.04", RateTheory.GradientDescent(rotated)!.GradientDescentLimit);
        Assert.Equal(ravine.ConditionNumber, rotated.ConditionNumber, 9);
        Assert.Equal(Ravine.Value([3, 1]), _rotated.Value([(3 + 1) / Math.Sqrt(2), (3 - 1) / Math.Sqrt(2)]), 9);

        // Sanity checks: ln C, the typical ratio, and the bowl's per-step share α·λ.
        yield return ("sanity-checks", "2.303", SanityChecks.ChanceLoss(10));
        yield return ("sanity-checks", "2.3", SanityChecks.ChanceLoss(10));
        yield return ("sanity-checks", "4.61", SanityChecks.ChanceLoss(100));
        yield return ("sanity-checks", "1e-3", SanityChecks.TypicalUpdateRatio);
        yield return ("sanity-checks", "0.002", 0.001 * Bowl.Curvature!.LambdaMin);
        yield return ("sanity-checks", "0.004", 0.001 * Bowl.LambdaMax);
        yield return ("sanity-checks", "0.1", 0.05 * Bowl.Curvature!.LambdaMin);
        yield return ("sanity-checks", "0.2", 0.05 * Bowl.LambdaMax);
        yield return ("sanity-checks", "20", 100 * 0.05 * Bowl.LambdaMax);
        yield return ("sanity-checks", "2,000", SanityLab.InitialLossDigits);
    }

    private static Trajectory HeavyBall(Surface surface, double lr, double beta, int steps = 200) =>
        Simulator.Run(surface, new Sgd(new OptimizerOptions { Lr = lr, Momentum = beta > 0 ? beta : null }), new SimulationOptions { Steps = steps });

    private static Trajectory NoisyRun(double lr, int batch, int steps = 300) =>
        Simulator.Run(_noisy, new Sgd(new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = steps, BatchSize = batch, Seed = 1 });

    // The noise floor: mean loss over steps 1,000–2,000 on the noisy bowl, seed 1.
    private static double NoiseFloor(double lr, int batch) =>
        NoisyRun(lr, batch, BatchTo).Steps.Skip(BatchFrom).Take(BatchTo - BatchFrom + 1).Average(p => p.Loss);

    // The gradient-flow table: per rate, the steps reaching t = 3 on the parabola against the flow, recomputed here.
    private static HashSet<string> FlowTableNumbers()
    {
        var parabola = SurfaceCatalog.Find("parabola")!;
        var flow = GradientFlow.Trace(parabola, parabola.DefaultStart, 3, 100)[^1].Params[0];
        Assert.Equal(4 * Math.Exp(-parabola.LambdaMax * 3), flow, 4);
        var numbers = new HashSet<string>(StringComparer.Ordinal) { Numbers.Short(flow, 3) };
        foreach (var lr in _flowRates)
        {
            var count = (int)Math.Round(3 / lr);
            var run = Simulator.Run(parabola, new Sgd(new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = count });
            var w = run.Steps[^1].Params[0];
            Assert.Equal(4 * Math.Pow(1 - (lr * parabola.LambdaMax), count), w, 9);
            var flips = run.Steps.Zip(run.Steps.Skip(1), (a, b) => a.Params[0] * b.Params[0] < 0 ? 1 : 0).Sum();
            numbers.UnionWith([Numbers.Short(lr, 3), Numbers.Short(lr * parabola.LambdaMax, 3), $"{count}", Numbers.Short(w, 3), $"{flips}"]);
        }

        return [.. numbers.SelectMany(LessonNumbers.FindIn)];
    }

    // The Adam-and-axes table: each run on both surfaces, 200 steps from the default start, recomputed here.
    private static HashSet<string> AxesTableNumbers()
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (optimizer, lr) in _axesRuns)
        {
            foreach (var surface in new[] { Ravine, _rotated })
            {
                var run = Simulator.Run(surface, OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr }), new SimulationOptions());
                numbers.Add(run.StepsToConverge is { } n ? $"{n}" : "200");
                numbers.Add(Numbers.Short(run.FinalLoss, 3));
            }
        }

        return [.. numbers.SelectMany(LessonNumbers.FindIn)];
    }
}
