using LrLab.Core.Optimizers;

namespace LrLab.Core.Simulation;

/// <summary>
/// <see cref="IOptimizer.Step{T}"/> for float64 bound once per sweep: calling a generic interface method costs a
/// runtime lookup every time, a delegate does not (measured: SGD sweep 20 → 13 ns per step).
/// </summary>
internal delegate void StepFunction(Span<double> parameters, ReadOnlySpan<double> gradients, OptimizerState<double> state, double lr);
