namespace LrLab.Core.Simulation;

/// <summary>One run's instance of a <see cref="StepRule"/>: moves θ one update, given the gradient, loss and the update's rate.</summary>
internal interface IStepper
{
    /// <summary>Update <paramref name="step"/> (1 for the first): θ in place, from ∇L(θ) and L(θ), at rate <paramref name="lr"/>.</summary>
    void Step(Span<double> theta, ReadOnlySpan<double> gradient, double loss, double lr, int step);
}
