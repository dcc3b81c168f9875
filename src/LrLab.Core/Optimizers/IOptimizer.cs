using System.Numerics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// An optimizer in the optax mould: <see cref="Init{T}"/> makes the state, <see cref="Step{T}"/>
/// applies one torch.optim update in place. The update rules, parameter names and defaults are
/// PyTorch 1.13's (single-tensor, <c>foreach=False</c> code path), so float64 trajectories match
/// PyTorch to rounding. State is a separate object so a run can be cloned and restored (the LR
/// finder restores it) and the hot loop never allocates.
/// </summary>
public interface IOptimizer
{
    /// <summary>Lower-case name as used on the CLI (<c>sgd</c>, <c>adam</c>, ...).</summary>
    string Name { get; }

    /// <summary>The hyperparameters (PyTorch names) this optimizer was built with.</summary>
    OptimizerOptions Options { get; }

    /// <summary>Fresh state for <paramref name="size"/> parameters (PyTorch's lazily created <c>state[p]</c>).</summary>
    OptimizerState<T> Init<T>(int size) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// One <c>optimizer.step()</c>: updates <paramref name="parameters"/> in place from
    /// <paramref name="gradients"/> using the rate <paramref name="lr"/> (PyTorch's <c>group['lr']</c>,
    /// which a schedule may have changed).
    /// </summary>
    void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
