using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Web.Learn;

/// <summary>
/// The numbers lessons quote about runs, computed by Core when the lesson is built (in the browser, on first use), so
/// the prose cannot drift from the engine. Each value is a plain property; <c>Text</c> formats it for prose.
/// </summary>
public static class LessonRuns
{
    /// <summary>The bowl surface.</summary>
    public static Surface Bowl { get; } = SurfaceCatalog.Find("bowl")!;

    /// <summary>The ravine surface.</summary>
    public static Surface Ravine { get; } = SurfaceCatalog.Find("ravine")!;

    /// <summary>The bowl's curvature (λmin 2, λmax 4).</summary>
    public static Curvature BowlCurvature => Bowl.Curvature!;

    /// <summary>The ravine's curvature (λmin 1, λmax 50).</summary>
    public static Curvature RavineCurvature => Ravine.Curvature!;

    /// <summary>Core's theory of plain gradient descent on the bowl (limit 2/λmax = 0.5).</summary>
    public static RateTheory BowlTheory { get; } = RateTheory.GradientDescent(Bowl.Curvature)!;

    /// <summary>Core's theory of plain gradient descent on the ravine (limit 2/λmax = 0.04).</summary>
    public static RateTheory RavineTheory { get; } = RateTheory.GradientDescent(Ravine.Curvature)!;

    /// <summary>How many times the bowl's limit 2/λmax exceeds the ravine's.</summary>
    public static double LimitRatio => BowlTheory.GradientDescentLimit / RavineTheory.GradientDescentLimit;

    /// <summary>Core's stability limit of heavy-ball momentum <paramref name="beta"/> on <paramref name="surface"/>.</summary>
    public static double HeavyBallLimit(Surface surface, double beta) =>
        RateTheory.For(surface, OptimizerFactory.Create("momentum", new OptimizerOptions { Lr = 0.01, Momentum = beta }))!.StabilityLimit!.Value;

    /// <summary>A plain gradient-descent run at <paramref name="lr"/> with the widget's default 200 steps.</summary>
    public static Trajectory Run(Surface surface, string optimizer, double lr, int steps = SimulationOptions.DefaultSteps, double? momentum = null) =>
        Simulator.Run(surface, OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr, Momentum = momentum }), new SimulationOptions { Steps = steps });

    /// <summary>Steps the bowl needs at <paramref name="lr"/> under plain SGD (null: not within 200).</summary>
    public static int? BowlSteps(double lr) => Run(Bowl, "sgd", lr).StepsToConverge;

    /// <summary>Whether a run ever crosses the minimum in some coordinate (a sign change of θ − θ*).</summary>
    public static bool CrossesFloor(Trajectory run, IReadOnlyList<double> minimum) => LargestOvershoot(run, minimum) > 0;

    /// <summary>
    /// The largest swing past the minimum as a fraction of the distance it started from, over all coordinates: the
    /// biggest |θᵢ − θᵢ*| seen on the far side of the minimum, divided by |θᵢ(0) − θᵢ*|.
    /// </summary>
    public static double LargestOvershoot(Trajectory run, IReadOnlyList<double> minimum)
    {
        var start = run.Steps[0].Params;
        var worst = 0.0;
        for (var i = 0; i < start.Length; i++)
        {
            var from = start[i] - minimum[i];
            if (from == 0)
            {
                continue;
            }

            foreach (var point in run.Steps)
            {
                var gap = point.Params[i] - minimum[i];
                if (Math.Sign(gap) == -Math.Sign(from))
                {
                    worst = Math.Max(worst, Math.Abs(gap / from));
                }
            }
        }

        return worst;
    }

    /// <summary>The largest value coordinate <paramref name="index"/> reaches on the far side of the minimum (signed).</summary>
    public static double FarthestPast(Trajectory run, int index, IReadOnlyList<double> minimum)
    {
        var from = run.Steps[0].Params[index] - minimum[index];
        var far = 0.0;
        foreach (var point in run.Steps)
        {
            var gap = point.Params[index] - minimum[index];
            if (Math.Sign(gap) == -Math.Sign(from) && Math.Abs(gap) > Math.Abs(far))
            {
                far = gap;
            }
        }

        return far + minimum[index];
    }

    /// <summary>
    /// The widget's theory line for <paramref name="optimizer"/> on <paramref name="surface"/>, from Core's
    /// <see cref="RateTheory"/>: 2/λmax only where it holds (plain SGD), the momentum limit for heavy ball or Nesterov,
    /// and for adaptive optimizers a note that plain SGD's limit is not theirs.
    /// </summary>
    public static string LimitNote(Surface surface, string optimizer, double lr)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (StepRules.Create(optimizer, new OptimizerOptions { Lr = lr }).Theory(surface) is not { } theory)
        {
            return string.Empty;
        }

        var head = $" · largest curvature {Text(theory.LambdaMax, 4)}";
        return theory.Kind switch
        {
            UpdateKind.GradientDescent => head + $", limit 2/λmax = {Text(theory.GradientDescentLimit, 4)}",
            UpdateKind.HeavyBall or UpdateKind.Nesterov => head + $", momentum limit {theory.LimitFormula} = {Text(theory.StabilityLimit!.Value, 4)} at β = {Text(theory.Momentum, 3)}",
            UpdateKind.LineSearch => head + $" (2/λmax = {Text(theory.GradientDescentLimit, 4)} is plain SGD's limit; line search picks its own step lengths, so it has none of its own)",
            _ => head + $" (2/λmax = {Text(theory.GradientDescentLimit, 4)} is plain SGD's limit; {optimizer} rescales its steps, so it has none of its own)",
        };
    }

    /// <summary>A number for prose: up to <paramref name="digits"/> significant digits, invariant culture, a typographic minus.</summary>
    public static string Text(double value, int digits = 3) =>
        value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>A count for prose ("never" when null).</summary>
    public static string Text(int? steps) => steps?.ToString(CultureInfo.InvariantCulture) ?? "never";

    /// <summary>A fraction as a whole percentage, e.g. 0.6 → "60 %".</summary>
    public static string Percent(double fraction) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(fraction * 100):0} %");
}
