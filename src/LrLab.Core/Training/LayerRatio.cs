namespace LrLab.Core.Training;

/// <summary>How far one update moved a layer relative to its size: ‖Δθ‖/‖θ‖ over its weight and bias together.</summary>
/// <param name="Layer">PyTorch's module name, <c>fc1</c> or <c>fc2</c>.</param>
/// <param name="Ratio">‖θ_after − θ_before‖ / ‖θ_before‖.</param>
public readonly record struct LayerRatio(string Layer, double Ratio);
