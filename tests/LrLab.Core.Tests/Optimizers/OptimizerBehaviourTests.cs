using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

/// <summary>Properties every optimizer must have beyond golden parity: restore, float32, no allocation.</summary>
public sealed class OptimizerBehaviourTests
{
    public static TheoryData<string> Names => [.. OptimizerFactory.Names];

    // Options that switch on every buffer (amsgrad, centered, momentum) so each one is exercised.
    private static readonly OptimizerOptions _busy = new() { Momentum = 0.5, Amsgrad = true, Centered = true, WeightDecay = 0.01 };

    private static IOptimizer Create(string name) => OptimizerFactory.Create(name, _busy);

    [Theory]
    [MemberData(nameof(Names))]
    public void Cloned_state_is_independent_and_restores_the_run(string name)
    {
        var optimizer = Create(name);
        double[] p = [2.5, -1.5, 0.7, 3.0];
        var g = new double[p.Length];
        var state = optimizer.Init<double>(p.Length);
        Run(optimizer, p, g, state, 5);

        var snapshot = state.Clone();
        var savedParams = (double[])p.Clone();
        var savedBuffers = snapshot.BufferNames.ToDictionary(n => n, n => snapshot.Buffer(n).ToArray());
        var savedScalars = new Dictionary<string, double>(snapshot.Scalars);
        Run(optimizer, p, g, state, 5);

        Assert.Equal(5, snapshot.StepCount);
        Assert.Equal(10, state.StepCount);
        Assert.NotEmpty(savedBuffers);
        Assert.All(savedBuffers, kv => Assert.Equal(kv.Value, snapshot.Buffer(kv.Key).ToArray()));
        Assert.Equal(savedScalars, snapshot.Scalars);
        Assert.Contains(savedBuffers, kv => !kv.Value.SequenceEqual(state.Buffer(kv.Key).ToArray()));

        // Resuming from the snapshot retraces the original run exactly.
        var resumed = savedParams;
        Run(optimizer, resumed, g, snapshot, 5);
        Assert.Equal(p, resumed);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Float32_steps_follow_the_float64_trajectory(string name)
    {
        var optimizer = Create(name);
        var lr = OptimizerFactory.Info(name).DefaultLr * 10;
        double[] p64 = [2.5, -1.5];
        float[] p32 = [2.5f, -1.5f];
        var s64 = optimizer.Init<double>(2);
        var s32 = optimizer.Init<float>(2);
        var start = Bowl(p64);
        for (var step = 0; step < 50; step++)
        {
            optimizer.Step<double>(p64, [2 * p64[0], 4 * p64[1]], s64, lr);
            optimizer.Step<float>(p32, [2 * p32[0], 4 * p32[1]], s32, lr);
        }

        Assert.True(Bowl(p64) < start, $"{name} did not descend the bowl");
        for (var i = 0; i < 2; i++)
        {
            Assert.True(Math.Abs(p32[i] - p64[i]) <= 1e-4 * Math.Max(1, Math.Abs(p64[i])), $"{name} param[{i}]: {p32[i]} vs {p64[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Step_allocates_nothing_after_the_first_call(string name)
    {
        var optimizer = Create(name);
        double[] p = [2.5, -1.5, 0.7, 3.0];
        float[] q = [2.5f, -1.5f, 0.7f, 3.0f];
        var g = new double[p.Length];
        var h = new float[q.Length];
        var s = optimizer.Init<double>(p.Length);
        var t = optimizer.Init<float>(q.Length);
        optimizer.Step<double>(p, g, s, 1e-3);
        optimizer.Step<float>(q, h, t, 1e-3);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var step = 0; step < 1000; step++)
        {
            g[0] = p[0];
            h[0] = q[0];
            optimizer.Step<double>(p, g, s, 1e-3);
            optimizer.Step<float>(q, h, t, 1e-3);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Worked_example_from_the_spec()
    {
        // L = w², w₀ = 4: α = 0.1 gives 3.2; α = 1.5 gives −8 then 16.
        var sgd = OptimizerFactory.Create("sgd", new OptimizerOptions());
        double[] w = [4];
        var state = sgd.Init<double>(1);
        sgd.Step<double>(w, [2 * w[0]], state, 0.1);
        Assert.Equal(3.2, w[0], 15);

        w[0] = 4;
        sgd.Step<double>(w, [2 * w[0]], state, 1.5);
        Assert.Equal(-8, w[0]);
        sgd.Step<double>(w, [2 * w[0]], state, 1.5);
        Assert.Equal(16, w[0]);
    }

    private static double Bowl(ReadOnlySpan<double> p) => (p[0] * p[0]) + (2 * p[1] * p[1]);

    private static void Run(IOptimizer optimizer, double[] p, double[] g, OptimizerState<double> state, int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            for (var i = 0; i < p.Length; i++)
            {
                g[i] = (i + 1) * p[i];
            }

            optimizer.Step<double>(p, g, state, 0.05);
        }
    }
}
