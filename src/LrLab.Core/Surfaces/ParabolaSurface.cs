namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>parabola</c>: the one-parameter loss L(w) = w² from the worked example. Its curvature is 2
/// everywhere, so plain gradient descent multiplies the error by (1 − 2α) per step.
/// </summary>
public sealed class ParabolaSurface : Surface
{
    /// <inheritdoc />
    public override string Name => "parabola";

    /// <inheritdoc />
    public override string Formula => "x^2";

    /// <inheritdoc />
    public override int Dimension => 1;

    /// <inheritdoc />
    public override Curvature? Curvature { get; } = new([0.0], 2.0, 2.0);

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [4.0];

    /// <inheritdoc />
    public override ViewBox View => new(-5, 5, 0, 30);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters) => parameters[0] * parameters[0];

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double w = parameters[0];
        gradient[0] = 2 * w;
        return w * w;
    }
}
