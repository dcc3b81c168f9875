namespace LrLab.Core.Training;

/// <summary>
/// How far one update moved a layer relative to its size, ‖Δθ‖/‖θ‖ over the layer's weight and bias together
/// (Karpathy's sanity check: around 1e-3 is typical; far below, the rate is too small; far above, too large).
/// </summary>
/// <param name="Step">The update (1 = the first), so θ is the weights before it.</param>
/// <param name="Layer">PyTorch's module name: <c>fc1</c> or <c>fc2</c>.</param>
/// <param name="Ratio">‖Δθ‖/‖θ‖.</param>
public readonly record struct UpdateRatio(int Step, string Layer, double Ratio);
