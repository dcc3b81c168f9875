using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Defaults;

/// <summary>
/// Every optimizer default LR Lab uses or shows (<see cref="OptimizerDefaults"/>) against PyTorch's own signatures
/// (Golden/defaults.json, from inspect.signature by tools/pytorch_defaults.py). A drifting default fails here.
/// </summary>
public sealed class OptimizerDefaultsTests
{
    /// <summary>PyTorch parameters we deliberately do not mirror, and why.</summary>
    private static readonly Dictionary<string, string> _unsupported = new(StringComparer.Ordinal)
    {
        ["foreach"] = "picks PyTorch's multi-tensor kernels; the update is the same",
        ["differentiable"] = "lets autograd run through the optimizer step; we never differentiate through a step",
        ["capturable"] = "keeps the step count on the GPU for CUDA graphs; no effect on the update",
        ["fused"] = "one fused CUDA kernel; no effect on the update",
    };

    [Fact]
    public void The_tables_cover_exactly_the_mirrored_torch_optim_classes()
    {
        Assert.Equal(GoldenDefaults.Optimizers.Keys.Order(StringComparer.Ordinal), OptimizerDefaults.All.Select(s => s.ClassName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_parameter_we_mirror_has_PyTorchs_name_order_and_default()
    {
        var problems = new List<string>();
        foreach (var ours in OptimizerDefaults.All)
        {
            var golden = GoldenDefaults.Optimizers[ours.ClassName];
            var mirrored = golden.Where(p => !_unsupported.ContainsKey(p.Name)).ToList();
            if (!mirrored.Select(p => p.Name).SequenceEqual(ours.Names))
            {
                problems.Add($"{ours.ClassName}: ours ({string.Join(", ", ours.Names)}), PyTorch without the unsupported ({string.Join(", ", mirrored.Select(p => p.Name))})");
                continue;
            }

            problems.AddRange(mirrored
                .Select(p => GoldenDefaults.Disagreement(ours[p.Name], p) is { } d ? $"{ours.ClassName}.{p.Name}: {d}" : null)
                .OfType<string>());
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_optimizers_resolve_a_missing_hyperparameter_to_PyTorchs_default()
    {
        // Behaviour, not the table: build each optimizer with nothing but lr and read back what it resolved.
        var problems = new List<string>();
        foreach (var name in new[] { "sgd", "adam", "adamw", "rmsprop", "adagrad", "nadam", "radam" })
        {
            var options = OptimizerFactory.Create(name, new OptimizerOptions { Lr = 0.1 }).Options;
            var cls = OptimizerDefaults.For(name).ClassName;
            foreach (var p in GoldenDefaults.Optimizers[cls].Where(p => !p.Required && !_unsupported.ContainsKey(p.Name) && p.Name != "lr"))
            {
                var resolved = Resolved(options, p.Name);
                var expected = p.Type == "tuple" ? p.Default.EnumerateArray().Select(e => e.GetDouble()).ToArray() : [Number(p)];
                if (!expected.SequenceEqual(resolved))
                {
                    problems.Add($"{name}.{p.Name}: resolved {string.Join(", ", resolved)}, PyTorch {p.Repr}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_momentum_presets_differ_from_SGD_only_in_momentum()
    {
        Assert.Equal(0.0, OptimizerFactory.Create("sgd", new OptimizerOptions()).Options.Momentum);
        Assert.Equal(OptimizerFactory.PresetMomentum, OptimizerFactory.Create("momentum", new OptimizerOptions()).Options.Momentum);
        Assert.Equal(OptimizerFactory.PresetMomentum, OptimizerFactory.Create("nesterov", new OptimizerOptions()).Options.Momentum);
        Assert.Equal("0.9", OptimizerDefaults.Text("nesterov", "momentum"));
        Assert.Equal("0", OptimizerDefaults.Text("sgd", "momentum"));
        Assert.Equal("1e-10", OptimizerDefaults.Text("adagrad", "eps"));
        Assert.Equal("0.01", OptimizerDefaults.Text("adamw", "weight_decay"));
    }

    [Fact]
    public void The_labs_usual_rates_are_PyTorchs_defaults_except_where_the_SPEC_chose_otherwise()
    {
        // SGD's lr is required in PyTorch (no default); RMSprop's common default 0.001 is the SPEC's, below
        // PyTorch's constructor default 0.01.
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sgd"] = "PyTorch requires lr",
            ["momentum"] = "PyTorch requires lr",
            ["nesterov"] = "PyTorch requires lr",
            ["rmsprop"] = "SPEC: 0.001, PyTorch 0.01",
        };
        foreach (var info in OptimizerFactory.All)
        {
            var lr = GoldenDefaults.Optimizers[OptimizerDefaults.For(info.Name).ClassName].Single(p => p.Name == "lr");
            if (chosen.ContainsKey(info.Name))
            {
                Assert.True(lr.Required || Number(lr) != info.DefaultLr, $"{info.Name}: listed as differing but equals PyTorch's {lr.Repr}");
            }
            else
            {
                Assert.Equal(Number(lr), info.DefaultLr);
            }
        }
    }

    private static double Number(GoldenParameter p) => p.Type switch
    {
        "bool" => p.Default.GetBoolean() ? 1 : 0,
        _ => p.Default.GetDouble(),
    };

    private static double[] Resolved(OptimizerOptions o, string name) => name switch
    {
        "momentum" => [o.Momentum!.Value],
        "dampening" => [o.Dampening!.Value],
        "weight_decay" => [o.WeightDecay!.Value],
        "betas" => [o.Beta1!.Value, o.Beta2!.Value],
        "eps" => [o.Eps!.Value],
        "alpha" => [o.Alpha!.Value],
        "lr_decay" => [o.LrDecay!.Value],
        "initial_accumulator_value" => [o.InitialAccumulatorValue!.Value],
        "momentum_decay" => [o.MomentumDecay!.Value],
        "nesterov" => [o.Nesterov ? 1 : 0],
        "centered" => [o.Centered ? 1 : 0],
        "amsgrad" => [o.Amsgrad ? 1 : 0],
        "maximize" => [o.Maximize ? 1 : 0],
        _ => throw new ArgumentException($"unmapped parameter {name}", nameof(name)),
    };
}
