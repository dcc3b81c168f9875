using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;

namespace LrLab.Core.Tests.Sweep;

/// <summary>Rates advanced together (SGD lanes) give exactly the rows of the one-rate-at-a-time sweep.</summary>
public class SweepRunnerLanesTests
{
    private static readonly string[] _optimizers =
    [
        "sgd", "momentum", "nesterov", "sgd-wd", "dampened", "sgd-max", "adam", "adam-ams-wd", "adam-max", "adamw", "adamw-ams",
        "rmsprop", "rmsprop-centered-momentum-wd", "adagrad", "adagrad-decay", "nadam", "nadam-wd", "radam", "radam-wd", "wrapped-adam",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var surface in new[] { "bowl", "ravine", "parabola", "rosenbrock", "himmelblau", "saddle", "x^2 + 3*y^2 + x*y" })
        {
            foreach (var optimizer in _optimizers)
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
        "sgd-max" => OptimizerFactory.Create("sgd", new OptimizerOptions { Maximize = true }),
        "adam-ams-wd" => OptimizerFactory.Create("adam", new OptimizerOptions { Amsgrad = true, WeightDecay = 0.1, Beta1 = 0.8 }),
        "adam-max" => OptimizerFactory.Create("adam", new OptimizerOptions { Maximize = true }),
        "adamw-ams" => OptimizerFactory.Create("adamw", new OptimizerOptions { Amsgrad = true, WeightDecay = 0.3 }),
        "rmsprop-centered-momentum-wd" => OptimizerFactory.Create("rmsprop", new OptimizerOptions { Centered = true, Momentum = 0.5, WeightDecay = 0.01, Alpha = 0.9 }),
        "adagrad-decay" => OptimizerFactory.Create("adagrad", new OptimizerOptions { LrDecay = 0.01, InitialAccumulatorValue = 0.1, WeightDecay = 0.02 }),
        "nadam-wd" => OptimizerFactory.Create("nadam", new OptimizerOptions { WeightDecay = 0.05, MomentumDecay = 0.01 }),
        "radam-wd" => OptimizerFactory.Create("radam", new OptimizerOptions { WeightDecay = 0.05, Beta2 = 0.9 }),
        "wrapped-adam" => new Wrapped(OptimizerFactory.Create("adam", new OptimizerOptions())),
        "sgd-wd" => OptimizerFactory.Create("sgd", new OptimizerOptions { WeightDecay = 0.05 }),
        "dampened" => OptimizerFactory.Create("sgd", new OptimizerOptions { Momentum = 0.8, Dampening = 0.3 }),
        "nesterov" => OptimizerFactory.Create("sgd", new OptimizerOptions { Momentum = 0.9, Nesterov = true }),
        _ => OptimizerFactory.Create(name, new OptimizerOptions()),
    };

    /// <summary>An optimizer the lanes know nothing about: stepped one lane at a time through its own step.</summary>
    private sealed class Wrapped(IOptimizer inner) : IOptimizer
    {
        public string Name => "wrapped";

        public OptimizerOptions Options => inner.Options;

        public OptimizerState<T> Init<T>(int size)
            where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => inner.Init<T>(size);

        public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
            where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => inner.Step(parameters, gradients, state, lr);
    }
}
