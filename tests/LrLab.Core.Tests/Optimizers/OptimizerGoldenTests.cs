using System.Globalization;
using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

/// <summary>Every golden case: our optimizer, fed the same gradients, must retrace PyTorch's float64 path.</summary>
public sealed class OptimizerGoldenTests
{
    private const double RelativeTolerance = 1e-9;

    public static TheoryData<string> CaseIds => [.. GoldenOptimizerCase.All.Keys];

    [Fact]
    public void Fixture_covers_every_optimizer_and_function()
    {
        var cases = GoldenOptimizerCase.All.Values.ToList();
        Assert.InRange(cases.Count, 60, 120);
        Assert.Equal(OptimizerFactory.Names.Order(), cases.Select(c => c.Optimizer).Distinct().Order());
        Assert.Equal(
            ["bowl", "himmelblau", "parabola", "quartic4", "ravine", "rosenbrock"],
            cases.Select(c => c.Function).Distinct().Order());
        Assert.Contains(cases, c => c.Lrs is not null);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Trajectory_matches_PyTorch(string id)
    {
        var golden = GoldenOptimizerCase.All[id];
        var optimizer = OptimizerFactory.Create(golden.Optimizer, golden.Options);
        var parameters = (double[])golden.Start.Clone();
        var gradient = new double[parameters.Length];
        var state = optimizer.Init<double>(parameters.Length);

        Assert.Equal(golden.Steps, golden.Params.Length);
        for (var step = 0; step < golden.Steps; step++)
        {
            GoldenSurfaces.Evaluate(golden.Function, parameters, gradient);
            var lr = golden.Lrs?[step] ?? golden.Options.Lr;
            optimizer.Step<double>(parameters, gradient, state, lr);

            for (var i = 0; i < parameters.Length; i++)
            {
                AssertClose(golden.Params[step][i], parameters[i], id, $"step {step + 1} param[{i}]");
            }

            AssertClose(golden.Losses[step], GoldenSurfaces.Loss(golden.Function, parameters), id, $"step {step + 1} loss");
        }

        Assert.Equal(golden.Steps, state.StepCount);
    }

    private static void AssertClose(double expected, double actual, string id, string where)
    {
        var ok = Math.Abs(expected - actual) <= (RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual))) + 1e-300;
        Assert.True(ok, string.Create(CultureInfo.InvariantCulture, $"{id}: {where}: expected {expected:R}, got {actual:R}"));
    }
}
