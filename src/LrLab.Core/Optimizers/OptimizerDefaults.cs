using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Optimizers;

/// <summary>
/// torch.optim's constructor defaults (PyTorch 1.13), one table per class: the only copy. The optimizers read a
/// missing hyperparameter from here, and so do the lab's placeholders and the CLI's help.
/// <c>OptimizerDefaultsTests</c> (Core tests, Defaults folder) compare every entry with PyTorch's own
/// signatures (<c>Golden/defaults.json</c>, written by <c>tools/pytorch_defaults.py</c>). Only the parameters we
/// mirror are listed: <c>foreach</c>, <c>capturable</c>, <c>differentiable</c> and <c>fused</c> choose PyTorch's
/// implementation, not the update, and have no counterpart here.
/// </summary>
public static class OptimizerDefaults
{
    /// <summary><c>torch.optim.SGD</c>: <c>lr</c> has no default there.</summary>
    public static PyTorchSignature Sgd { get; } = new("SGD",
    [
        Required("lr"), Int("momentum", 0), Int("dampening", 0), Int("weight_decay", 0), Bool("nesterov", false),
        Bool("maximize", false),
    ]);

    /// <summary><c>torch.optim.Adam</c>.</summary>
    public static PyTorchSignature Adam { get; } = new("Adam",
    [
        Float("lr", 1e-3), Tuple("betas", 0.9, 0.999), Float("eps", 1e-8), Int("weight_decay", 0), Bool("amsgrad", false),
        Bool("maximize", false),
    ]);

    /// <summary><c>torch.optim.AdamW</c>: Adam's, with a decoupled weight decay of 0.01.</summary>
    public static PyTorchSignature AdamW { get; } = new("AdamW",
    [
        Float("lr", 1e-3), Tuple("betas", 0.9, 0.999), Float("eps", 1e-8), Float("weight_decay", 1e-2), Bool("amsgrad", false),
        Bool("maximize", false),
    ]);

    /// <summary><c>torch.optim.RMSprop</c>.</summary>
    public static PyTorchSignature RmsProp { get; } = new("RMSprop",
    [
        Float("lr", 1e-2), Float("alpha", 0.99), Float("eps", 1e-8), Int("weight_decay", 0), Int("momentum", 0),
        Bool("centered", false), Bool("maximize", false),
    ]);

    /// <summary><c>torch.optim.Adagrad</c>.</summary>
    public static PyTorchSignature Adagrad { get; } = new("Adagrad",
    [
        Float("lr", 1e-2), Int("lr_decay", 0), Int("weight_decay", 0), Int("initial_accumulator_value", 0), Float("eps", 1e-10),
        Bool("maximize", false),
    ]);

    /// <summary><c>torch.optim.NAdam</c> (no <c>maximize</c> in 1.13).</summary>
    public static PyTorchSignature NAdam { get; } = new("NAdam",
    [
        Float("lr", 2e-3), Tuple("betas", 0.9, 0.999), Float("eps", 1e-8), Int("weight_decay", 0), Float("momentum_decay", 4e-3),
    ]);

    /// <summary><c>torch.optim.RAdam</c> (no <c>maximize</c> in 1.13).</summary>
    public static PyTorchSignature RAdam { get; } = new("RAdam",
    [
        Float("lr", 1e-3), Tuple("betas", 0.9, 0.999), Float("eps", 1e-8), Int("weight_decay", 0),
    ]);

    /// <summary>Every table, in the order of <see cref="OptimizerFactory.All"/> (SGD once).</summary>
    public static IReadOnlyList<PyTorchSignature> All { get; } = [Sgd, Adam, AdamW, RmsProp, Adagrad, NAdam, RAdam];

    /// <summary>
    /// The table behind a factory name (case-insensitive): <c>sgd</c>, <c>momentum</c> and <c>nesterov</c> are all
    /// <c>torch.optim.SGD</c> (the latter two with <see cref="OptimizerFactory.PresetMomentum"/> instead of 0).
    /// </summary>
    /// <exception cref="InputException">An unknown name.</exception>
    public static PyTorchSignature For(string optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return optimizer.Trim().ToUpperInvariant() switch
        {
            "SGD" or "MOMENTUM" or "NESTEROV" => Sgd,
            "ADAM" => Adam,
            "ADAMW" => AdamW,
            "RMSPROP" => RmsProp,
            "ADAGRAD" => Adagrad,
            "NADAM" => NAdam,
            "RADAM" => RAdam,
            _ => throw new InputException($"unknown optimizer: '{optimizer}' (valid: {string.Join(", ", OptimizerFactory.Names)})"),
        };
    }

    /// <summary>
    /// The default a lab/CLI optimizer name uses for <paramref name="parameter"/>, as Python writes it: PyTorch's,
    /// except <c>momentum</c> for the <c>momentum</c> and <c>nesterov</c> presets.
    /// </summary>
    public static string Text(string optimizer, string parameter)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return parameter == "momentum" && OptimizerFactory.IsMomentumPreset(optimizer)
            ? PythonText.Float(OptimizerFactory.PresetMomentum)
            : For(optimizer)[parameter].Text;
    }
}
