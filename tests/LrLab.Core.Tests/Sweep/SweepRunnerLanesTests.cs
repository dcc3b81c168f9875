using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;

namespace LrLab.Core.Tests.Sweep;

/// <summary>Rates advanced together (SGD lanes) give exactly the rows of the one-rate-at-a-time sweep.</summary>
public class SweepRunnerLanesTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var surface in new[] { "bowl", "ravine", "parabola", "rosenbrock", "himmelblau", "saddle", "x^2 + 3*y^2 + x*y" })
        {
            foreach (var optimizer in new[] { "sgd", "momentum", "nesterov", "sgd-wd", "dampened", "adam" })
            {
                data.Add(surface, optimizer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lanes_equal_single_runs_row_for_row(string surfaceName, string optimizer)
    {
        var surface = SurfaceCatalog.Resolve(surfaceName);
        var options = new SweepOptions { LrMin = 1e-4, LrMax = 2, Count = 70, Steps = 300 };
        var single = new SweepRunner(surface, Create(optimizer), options);
        var together = new SweepRunner(surface, Create(optimizer), options);

        // Chunks in an order a panel would use (not sorted), including a full one and a ragged last one.
        var order = Enumerable.Range(0, options.Count).OrderBy(i => (i * 37) % options.Count).ToArray();
        var rows = new SweepRow[options.Count];
        var chunk = new SweepRow[SweepRunner.MaxLanes];
        for (var from = 0; from < order.Length; from += SweepRunner.MaxLanes)
        {
            var indices = order.AsSpan(from, Math.Min(SweepRunner.MaxLanes, order.Length - from));
            together.RunMany(indices, chunk);
            for (var i = 0; i < indices.Length; i++)
            {
                rows[indices[i]] = chunk[i];
            }
        }

        for (var i = 0; i < options.Count; i++)
        {
            Assert.Equal(single.Run(i), rows[i]);
        }

        // Plain SGD's sweep reaches past every stability limit here, so equality covers blow-ups as well.
        if (optimizer == "sgd")
        {
            Assert.Contains(rows, r => r.Pattern is Pattern.Diverging or Pattern.Nan);
        }
    }

    private static IOptimizer Create(string name) => name switch
    {
        "sgd-wd" => OptimizerFactory.Create("sgd", new OptimizerOptions { WeightDecay = 0.05 }),
        "dampened" => OptimizerFactory.Create("sgd", new OptimizerOptions { Momentum = 0.8, Dampening = 0.3 }),
        "nesterov" => OptimizerFactory.Create("sgd", new OptimizerOptions { Momentum = 0.9, Nesterov = true }),
        _ => OptimizerFactory.Create(name, new OptimizerOptions()),
    };
}
