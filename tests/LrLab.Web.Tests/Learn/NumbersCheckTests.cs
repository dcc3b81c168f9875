using LrLab.Core;
using LrLab.Core.LineSearch;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Learn;
using static LrLab.Web.Learn.LessonRuns;

namespace LrLab.Web.Tests.Learn;

/// <summary>
/// The numbers check: every number a lesson states is either a setting the lesson chose (a rate to try, a formula's
/// constant, an example log) or a claim about a run or a formula, and every claim is asserted here against Core.
/// A number the ledger does not know, a ledger entry the lesson no longer states, or a claim Core contradicts fails.
/// </summary>
public sealed partial class NumbersCheckTests
{
    private static readonly Surface _parabola = SurfaceCatalog.Find("parabola")!;

    // Settings and examples each lesson chooses: they need no engine, but they must be listed so nothing slips in.
    private static readonly Dictionary<string, string[]> _given = new()
    {
        ["what-is-the-learning-rate"] = ["0.1", "1.5", "1", "1.0", "2"],
        ["too-small"] = ["1000", "1001", "1002", "0.5001", "0.5000", "0.4999", "0.001", "0.01", "0.003", "1", "0", "2", "10", "200"],
        ["just-right"] = ["0.05", "0.2", "1", "2", "3", "2.0", "1.9999", "1.9998", "1.9997", "1.2", "0.8", "0.6", "0.5", "0.46", "0.9", "3.1", "0.7", "9.4"],
        ["too-large"] = ["0.3", "0.8", "0.2", "1.5", "1", "0", "2", "10", "0.1", "0.45", "0.5", "2021", "2020", "300"],
        ["terrain"] = ["2", "1", "0.03", "0.045", "0.3", "100", "200"],
        ["finding-a-rate"] = ["0.01", "0.001", "0.1", "0.0001", "1.0", "0.02", "0.05", "1e-7", "10", "0.010", "0.011", "0.012", "0.013", "1", "2", "3", "4", "0.0005", "0.3", "200"],
        ["optimizers"] = ["0.01", "0.1", "0.001", "0.0001", "0.00001", "1", "2", "0.9", "0.999", "1e-8", "10", "0.05", "200", "0.5"],
        ["batch-size"] = ["1", "2", "4", "32", "128", "0.01", "64", "256", "0.05", "16", "0.1", "0.2", "300", "1,024", "8,192", "2017", "2018"],
        ["schedules"] = ["0", "0.01", "1", "2", "5", "30", "31", "60", "0.001", "0.0001", "0.1", "0.95", "10", "95", "100", "45", "44", "50", "0.05", "0.48"],
        ["line-search"] = ["0.0001", "1", "2", "3", "0.5", "25", "4", "0.035", "0.041"],
        ["momentum"] = ["1", "0.9", "0.05", "2", "0", "0.01", "0.5", "100"],
        ["gradient-flow"] = ["0", "1", "2", "0.01", "0.02", "0.1", "0.25", "0.3", "0.5", "0.75", "1.5"],
        ["adam-and-axes"] = ["0", "0.03", "0.05", "0.1", "0.2", "0.5", "45", "200"],
        ["sanity-checks"] = ["0", "1", "2", "10", "100", "2019", "9.0", "1e-6", "0.001", "0.05"],
        ["diagnostic-mindset"] = ["0.1", "0.8", "0.5", "0.4", "0.38", "0.37", "1.0", "1.5", "3.2", "8.7", "0.001", "0.01", "0", "2", "10", "16", "40", "100", "0.45", "2.0", "0.9"],
    };

    // Claims, each tied to Core (or, for plain arithmetic the lesson teaches, to the arithmetic itself).
    private static IEnumerable<(string Slug, string Written, double Value)> Claims()
    {
        var p1 = Run(_parabola, "sgd", 0.1, 3);
        var p15 = Run(_parabola, "sgd", 1.5, 3);
        yield return ("what-is-the-learning-rate", "4", _parabola.DefaultStart[0]);
        yield return ("what-is-the-learning-rate", "16", p1.Steps[0].Loss);
        yield return ("what-is-the-learning-rate", "8", GradientAt(_parabola, 4));
        yield return ("what-is-the-learning-rate", "3.2", p1.Steps[1].Params[0]);
        yield return ("what-is-the-learning-rate", "10.24", p1.Steps[1].Loss);
        yield return ("what-is-the-learning-rate", "2.56", p1.Steps[2].Params[0]);
        yield return ("what-is-the-learning-rate", "2.048", p1.Steps[3].Params[0]);
        yield return ("what-is-the-learning-rate", "0.8", p1.Steps[1].Params[0] / p1.Steps[0].Params[0]);
        yield return ("what-is-the-learning-rate", "80", 100 * p1.Steps[1].Params[0] / p1.Steps[0].Params[0]);
        yield return ("what-is-the-learning-rate", "0.2", 0.1 * _parabola.LambdaMax);
        yield return ("what-is-the-learning-rate", "64", p15.Steps[1].Loss);
        yield return ("what-is-the-learning-rate", "256", p15.Steps[2].Loss);
        yield return ("what-is-the-learning-rate", "32", -p15.Steps[3].Params[0]);

        var crawl = Run(Bowl, "sgd", 0.001);
        yield return ("too-small", "1260", crawl.EstimatedStepsToConverge!.Value);
        yield return ("too-small", "153", BowlSteps(0.01)!.Value);
        Assert.Null(crawl.StepsToConverge);
        Assert.Null(BowlSteps(0.003));

        yield return ("just-right", "7", BowlSteps(0.2)!.Value);
        yield return ("just-right", "0.333", BowlCurvature.OptimalRate);
        yield return ("just-right", "4", BowlSteps(BowlCurvature.OptimalRate)!.Value);
        yield return ("just-right", "0.25", 1 / Bowl.LambdaMax);
        yield return ("just-right", "0", 1 - (0.25 * Bowl.LambdaMax));
        Assert.Equal(0, LargestOvershoot(Run(Bowl, "sgd", 0.2), BowlCurvature.Minimum));
        Assert.True(CrossesFloor(Run(Bowl, "sgd", BowlCurvature.OptimalRate), BowlCurvature.Minimum));
        Assert.Equal(4, Bowl.LambdaMax);

        yield return ("too-large", "4", Bowl.LambdaMax);
        yield return ("too-large", "0.5", BowlTheory.GradientDescentLimit);
        yield return ("too-large", "0.25", 1 / Bowl.LambdaMax);
        yield return ("too-large", "2", _parabola.LambdaMax);
        Assert.Equal(Verdict.TooLarge, Run(Bowl, "sgd", 0.5, 100).Verdict);
        Assert.Equal(Pattern.Oscillating, Run(Bowl, "sgd", 0.3, 100).Pattern);
        Assert.NotNull(Run(Bowl, "sgd", 0.45, 100).StepsToConverge);

        yield return ("terrain", "4", Bowl.LambdaMax);
        yield return ("terrain", "0.5", BowlTheory.GradientDescentLimit);
        yield return ("terrain", "25", Ravine.Value([0, 1]));
        yield return ("terrain", "50", Ravine.LambdaMax);
        yield return ("terrain", "0.04", RavineTheory.GradientDescentLimit);
        yield return ("terrain", "96", 100 * (1 - (RavineTheory.GradientDescentLimit * RavineCurvature.LambdaMin)));
        yield return ("terrain", "0.97", 1 - (0.03 * RavineCurvature.LambdaMin));
        yield return ("terrain", "97", 100 * (1 - (0.03 * RavineCurvature.LambdaMin)));
        yield return ("terrain", "14", -(1 - (0.3 * Ravine.LambdaMax)));
        Assert.Equal(2, BowlCurvature.ConditionNumber);
        Assert.Equal(50, RavineCurvature.ConditionNumber);
        Assert.Equal(12.5, LimitRatio);
        Assert.Equal(Pattern.Diverging, Run(Ravine, "sgd", 0.045).Pattern);
        Assert.Equal(Pattern.Diverging, Run(Ravine, "sgd", 0.3).Pattern);

        yield return ("finding-a-rate", "0.5", BowlTheory.GradientDescentLimit);
        yield return ("finding-a-rate", "0.03", 0.3 / 10);
        Assert.Equal(Verdict.TooSmall, Run(Bowl, "sgd", 0.01).Verdict);
        Assert.Equal(Pattern.Smooth, Run(Bowl, "sgd", 0.1).Pattern);
        Assert.Equal(Pattern.Diverging, Run(Bowl, "sgd", 1.0).Pattern);
        Assert.Null(BowlSteps(0.0001));

        var heavy = Run(Bowl, "momentum", 0.05);
        yield return ("optimizers", "4", -heavy.Steps[0].Params[0]);
        yield return ("optimizers", "3", heavy.Steps[0].Params[1]);
        yield return ("optimizers", "5", Math.Sqrt((heavy.Steps[0].Params[0] * heavy.Steps[0].Params[0]) + (heavy.Steps[0].Params[1] * heavy.Steps[0].Params[1])));
        yield return ("optimizers", "0.2", 200 * 0.001);
        yield return ("optimizers", "2.41", FarthestPast(heavy, 0, BowlCurvature.Minimum));
        yield return ("optimizers", "2.13", -FarthestPast(heavy, 1, BowlCurvature.Minimum));
        yield return ("optimizers", "62", heavy.StepsToConverge!.Value);
        yield return ("optimizers", "30", BowlSteps(0.05)!.Value);
        yield return ("optimizers", "0.95", HeavyBallLimit(Bowl, 0.9));
        Assert.Equal(Verdict.TooSmall, Run(Bowl, "adam", 0.001).Verdict);
        Assert.NotNull(Run(Bowl, "adam", 0.5).StepsToConverge);

        yield return ("batch-size", "1.4", Math.Sqrt(2));
        yield return ("batch-size", "1.41", Math.Sqrt(2));
        yield return ("batch-size", "0.02", 0.01 * Math.Sqrt(256 / 64.0));

        yield return ("batch-size", "0.4", 0.1 * 1024 / 256);
        yield return ("batch-size", "1,000", BatchFrom);
        yield return ("batch-size", "2,000", BatchTo);
        yield return ("batch-size", "0.5", NoisyLimit);
        yield return ("batch-size", "0.45", 0.9 * NoisyLimit);
        yield return ("batch-size", "0.55", 1.1 * NoisyLimit);
        yield return ("batch-size", "8", 16 * NoisyLimit);
        yield return ("batch-size", "128", 256 * NoisyLimit);
        yield return ("batch-size", "0.46", NoiseFloor(0.05, 1));
        yield return ("batch-size", "0.11", NoiseFloor(0.05, 4));
        yield return ("batch-size", "0.24", NoiseFloor(0.1, 4));
        yield return ("batch-size", "0.53", NoiseFloor(0.1, 4) / NoiseFloor(0.05, 1));
        yield return ("batch-size", "0.58", NoiseFloor(0.2, 4));
        Assert.All([1, 16, 256], b => Assert.Equal(Pattern.Diverging, NoisyRun(1.1 * NoisyLimit, b).Pattern));

        foreach (var claim in NewLessonClaims())
        {
            yield return claim;
        }

        var exponential = new ExponentialLr(0.95);
        yield return ("schedules", "0.6", exponential.At(10, 1));
        yield return ("schedules", "0.599", exponential.At(10, 1));
        yield return ("schedules", "60", 100 * exponential.At(10, 1));
        yield return ("schedules", "0.5", BowlTheory.GradientDescentLimit);
        yield return ("schedules", "38", Run(Bowl, "sgd", 0.48, 100).StepsToConverge!.Value);
        Assert.Equal(0.001, new StepLr(30, 0.1).At(44, 0.01), 12);
        Assert.Equal(0.01, new StepLr(30, 0.1).At(29, 0.01), 12);
        Assert.Equal(0.05, new CosineAnnealingLr(100, 0).At(50, 0.1), 12);
        Assert.True(Run(Bowl, "sgd", 0.48, 100) is { StepsToConverge: { } constant }
            && Simulator.Run(Bowl, Core.Optimizers.OptimizerFactory.Create("sgd", new() { Lr = 0.48 }), new SimulationOptions { Steps = 100, Schedule = SchedulePresets.Exponential.Parse() }).StepsToConverge < constant);

        var trials = LineSearchTrace.Run(Ravine, 3);
        var kept = trials.First(t => t.Accepted).StepSize;
        yield return ("line-search", "0.03125", kept);
        yield return ("line-search", "50", Ravine.LambdaMax);
        yield return ("line-search", "0.5625", -(1 - (kept * Ravine.LambdaMax)));
        yield return ("line-search", "0.04", RavineTheory.GradientDescentLimit);
        yield return ("line-search", "2.5", 100 * ((0.041 / RavineTheory.GradientDescentLimit) - 1));
        Assert.Equal(1e-4, new ArmijoOptions().C);
        Assert.Equal(0.5, new ArmijoOptions().Shrink);
        Assert.True(kept > 1 / Ravine.LambdaMax, "the kept step is longer than 1/λmax, so it crosses the floor");
        Assert.Equal(Pattern.Diverging, Run(Ravine, "sgd", 0.041).Pattern);

        yield return ("diagnostic-mindset", "65,504", (double)Half.MaxValue);
        yield return ("diagnostic-mindset", "0.3", 0.8 - 0.5);
        yield return ("diagnostic-mindset", "0.02", 0.4 - 0.38);
        yield return ("diagnostic-mindset", "37.5", 100 * (0.8 - 0.5) / 0.8);
        yield return ("diagnostic-mindset", "20", 100 * (0.5 - 0.4) / 0.5);
        yield return ("diagnostic-mindset", "0.2", (0.5 - 0.4) / 0.5);
        yield return ("diagnostic-mindset", "5", 100 * (0.4 - 0.38) / 0.4);
        yield return ("diagnostic-mindset", "2.6", 100 * (0.38 - 0.37) / 0.38);
        Assert.Equal(Pattern.Oscillating, Run(Bowl, "sgd", 0.45, 100).Pattern);
        Assert.NotNull(Run(Bowl, "sgd", 0.45, 100).StepsToConverge);
    }

    public static TheoryData<string> Slugs() => [.. Course.Lessons.Select(l => l.Slug)];

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Every_number_in_the_lesson_is_a_listed_setting_or_a_claim_core_confirms(string slug)
    {
        var lesson = Course.Find(slug)!;
        Assert.True(_given.ContainsKey(slug), $"{slug} has no numbers ledger: list its settings in _given and its claims in Claims()");
        var claims = Claims().Where(c => c.Slug == slug).ToList();
        var known = _given[slug].Concat(claims.Select(c => c.Written)).ToHashSet(StringComparer.Ordinal);
        var computed = slug switch
        {
            "line-search" => TraceNumbers(),
            "gradient-flow" => FlowTableNumbers(),
            "adam-and-axes" => AxesTableNumbers(),
            _ => [],
        };

        var stated = LessonNumbers.Find(lesson);
        var unknown = stated.Where(n => !known.Contains(n) && !computed.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, $"{slug} states numbers the ledger does not know: {string.Join(", ", unknown)}");
        var stale = known.Where(n => !stated.Contains(n)).ToList();
        Assert.True(stale.Count == 0, $"{slug}: the ledger lists numbers the lesson no longer states: {string.Join(", ", stale)}");

        foreach (var (_, written, value) in claims)
        {
            Assert.True(Agrees(written, value), $"{slug}: the lesson says {written}, Core gives {value:G6}");
        }
    }

    [Theory]
    [InlineData("0.6", 0.5987, true)]
    [InlineData("60", 59.87, true)]
    [InlineData("0.333", 1 / 3.0, true)]
    [InlineData("62", 62, true)]
    [InlineData("62", 61, false)]
    [InlineData("0.04", 0.046, false)]
    [InlineData("12.5", 12.5, true)]
    public void A_written_number_agrees_with_a_value_only_to_its_printed_precision(string written, double value, bool agrees) =>
        Assert.Equal(agrees, Agrees(written, value));

    // The number as printed must be the value rounded to the printed digits: half a unit in the last place.
    private static bool Agrees(string written, double value)
    {
        var decimals = written.Contains('.', StringComparison.Ordinal) ? written.Length - written.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return Math.Abs(LessonNumbers.Value(written) - value) <= (0.5 * Math.Pow(10, -decimals)) + 1e-12;
    }

    private static double GradientAt(Surface surface, double w)
    {
        var g = new double[1];
        surface.ValueAndGradient([w], g);
        return g[0];
    }

    // The line-search lesson prints Core's trace table; its entries are Core's numbers by construction.
    private static HashSet<string> TraceNumbers() =>
        [.. LessonNumbers.FindIn(LineSearchTrace.ToHtml(LineSearchTrace.Run(Ravine, 3)))];
}
