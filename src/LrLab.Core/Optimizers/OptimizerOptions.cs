namespace LrLab.Core.Optimizers;

/// <summary>
/// Hyperparameters with torch.optim's names. A <c>null</c> means "PyTorch's default for this optimizer", read
/// from <see cref="OptimizerDefaults"/> (eps differs between Adam and Adagrad, weight_decay between Adam and AdamW).
/// Not every optimizer reads every field. The flags' <c>false</c> is PyTorch's default for every class that has them.
/// </summary>
public sealed record OptimizerOptions
{
    /// <summary><c>lr</c>: the base learning rate.</summary>
    public double Lr { get; init; } = 0.01;

    /// <summary><c>momentum</c> (SGD, RMSprop).</summary>
    public double? Momentum { get; init; }

    /// <summary><c>dampening</c> (SGD).</summary>
    public double? Dampening { get; init; }

    /// <summary><c>nesterov</c> (SGD).</summary>
    public bool Nesterov { get; init; }

    /// <summary><c>weight_decay</c> (all; decoupled for AdamW).</summary>
    public double? WeightDecay { get; init; }

    /// <summary><c>betas[0]</c> (Adam family).</summary>
    public double? Beta1 { get; init; }

    /// <summary><c>betas[1]</c> (Adam family).</summary>
    public double? Beta2 { get; init; }

    /// <summary><c>eps</c>.</summary>
    public double? Eps { get; init; }

    /// <summary><c>alpha</c>: RMSprop's smoothing constant.</summary>
    public double? Alpha { get; init; }

    /// <summary><c>centered</c> (RMSprop).</summary>
    public bool Centered { get; init; }

    /// <summary><c>amsgrad</c> (Adam, AdamW).</summary>
    public bool Amsgrad { get; init; }

    /// <summary><c>lr_decay</c> (Adagrad).</summary>
    public double? LrDecay { get; init; }

    /// <summary><c>initial_accumulator_value</c> (Adagrad).</summary>
    public double? InitialAccumulatorValue { get; init; }

    /// <summary><c>momentum_decay</c> (NAdam, default 4e-3).</summary>
    public double? MomentumDecay { get; init; }

    /// <summary><c>maximize</c>: ascend instead of descend.</summary>
    public bool Maximize { get; init; }
}
