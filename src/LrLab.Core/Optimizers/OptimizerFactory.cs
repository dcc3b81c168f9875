namespace LrLab.Core.Optimizers;

/// <summary>
/// Builds optimizers by their CLI/URL name (case-insensitive) and lists each one's typical learning
/// rates. The SGD, momentum, RMSprop and Adam ranges are the SPEC's; the others are our choices:
/// nesterov shares momentum's range; AdamW and RAdam share Adam's (same step-size scale); Adagrad
/// 0.001–0.1 around PyTorch's default 0.01 (its accumulated denominator only shrinks the steps);
/// NAdam 0.0001–0.005 around PyTorch's (and Dozat's) default 0.002. RMSprop's common default 0.001
/// is the SPEC's, below PyTorch's constructor default 0.01.
/// </summary>
public static class OptimizerFactory
{
    /// <summary>
    /// The <c>momentum</c> the <c>momentum</c> and <c>nesterov</c> presets use when none is given: our choice (the
    /// usual β), not PyTorch's default, which is 0 (<see cref="OptimizerDefaults.Sgd"/>).
    /// </summary>
    public const double PresetMomentum = 0.9;

    /// <summary>Every optimizer the factory knows, in the order the lab lists them.</summary>
    public static IReadOnlyList<OptimizerInfo> All { get; } =
    [
        new("sgd", "torch.optim.SGD(lr)", 0.01, 0.01, 0.1),
        new("momentum", $"torch.optim.SGD(lr, momentum={PythonText.Float(PresetMomentum)})", 0.01, 0.001, 0.1),
        new("nesterov", $"torch.optim.SGD(lr, momentum={PythonText.Float(PresetMomentum)}, nesterov=True)", 0.01, 0.001, 0.1),
        new("adam", "torch.optim.Adam", 0.001, 0.00001, 0.001),
        new("adamw", "torch.optim.AdamW", 0.001, 0.00001, 0.001),
        new("rmsprop", "torch.optim.RMSprop", 0.001, 0.0001, 0.01),
        new("adagrad", "torch.optim.Adagrad", 0.01, 0.001, 0.1),
        new("nadam", "torch.optim.NAdam", 0.002, 0.0001, 0.005),
        new("radam", "torch.optim.RAdam", 0.001, 0.00001, 0.001),
    ];

    /// <summary>The accepted names, lower case.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(info => info.Name)];

    /// <summary>
    /// The optimizer called <paramref name="name"/> (case-insensitive) with <paramref name="options"/>.
    /// <c>momentum</c> is SGD with momentum defaulting to <see cref="PresetMomentum"/>; <c>nesterov</c> is that plus
    /// <c>nesterov=True</c>. Throws <see cref="InputException"/> for an unknown name (listing the valid
    /// ones) or an invalid hyperparameter.
    /// </summary>
    public static IOptimizer Create(string name, OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return name.Trim().ToUpperInvariant() switch
        {
            "SGD" => new Sgd(options),
            "MOMENTUM" => new Sgd(options with { Momentum = options.Momentum ?? PresetMomentum }, "momentum"),
            "NESTEROV" => new Sgd(options with { Momentum = options.Momentum ?? PresetMomentum, Nesterov = true }, "nesterov"),
            "ADAM" => new Adam(options),
            "ADAMW" => new AdamW(options),
            "RMSPROP" => new RmsProp(options),
            "ADAGRAD" => new Adagrad(options),
            "NADAM" => new NAdam(options),
            "RADAM" => new RAdam(options),
            _ => throw new InputException($"unknown optimizer: '{name}' (valid: {string.Join(", ", Names)})"),
        };
    }

    /// <summary>Whether <paramref name="name"/> is the <c>momentum</c> or <c>nesterov</c> preset (SGD with <see cref="PresetMomentum"/>).</summary>
    public static bool IsMomentumPreset(string name) =>
        name is not null && (name.Trim().Equals("momentum", StringComparison.OrdinalIgnoreCase) || name.Trim().Equals("nesterov", StringComparison.OrdinalIgnoreCase));

    /// <summary>The <see cref="OptimizerInfo"/> for <paramref name="name"/> (case-insensitive); throws <see cref="InputException"/> if unknown.</summary>
    public static OptimizerInfo Info(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        return All.FirstOrDefault(info => string.Equals(info.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException($"unknown optimizer: '{name}' (valid: {string.Join(", ", Names)})");
    }
}
