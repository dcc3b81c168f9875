namespace LrLab.Core.Simulation;

/// <summary>A point of the gradient flow: where θ is at time <paramref name="Time"/> and its loss.</summary>
/// <param name="Time">t, in the same units as the rate (gradient descent's step k sits at t = kα).</param>
/// <param name="Params">θ(t).</param>
/// <param name="Loss">L(θ(t)).</param>
public sealed record FlowPoint(double Time, double[] Params, double Loss);
