namespace LrLab.Core.Training;

/// <summary>The sharpness (largest Hessian eigenvalue of the mean training loss) at the weights after <paramref name="Step"/> updates.</summary>
/// <param name="Step">Updates taken before the measurement (0 = the initial weights).</param>
/// <param name="Value">The largest eigenvalue.</param>
public readonly record struct SharpnessPoint(int Step, double Value);
