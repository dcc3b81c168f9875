namespace LrLab.Core.Diagnosis;

/// <summary>One point of a smoothed loss curve.</summary>
/// <param name="Step">The step (mean step of the values it summarises).</param>
/// <param name="Loss">The smoothed loss there.</param>
public readonly record struct CurvePoint(double Step, double Loss);
