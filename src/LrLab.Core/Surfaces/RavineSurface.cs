namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>ravine</c>: L = 0.5x² + 25y², a narrow valley. Hessian diag(1, 50): condition number 50 and
/// stability limit 0.04, 1/12.5 of the bowl's 0.5, so a rate that suits the floor bounces off the walls.
/// </summary>
public sealed class RavineSurface : Surface
{
    /// <inheritdoc />
    public override string Name => "ravine";

    /// <inheritdoc />
    public override string Formula => "0.5*x^2 + 25*y^2";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override Curvature? Curvature { get; } = new([0.0, 0.0], 1.0, 50.0);

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [-4.0, 1.0];

    /// <inheritdoc />
    public override ViewBox View => new(-5, 5, -2.5, 2.5);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double x = parameters[0], y = parameters[1];
        return 0.5 * x * x + 25 * y * y;
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double x = parameters[0], y = parameters[1];
        gradient[0] = x;
        gradient[1] = 50 * y;
        return 0.5 * x * x + 25 * y * y;
    }

    /// <inheritdoc />
    public override void ValuesAndGradients(ReadOnlySpan<double> points, Span<double> values, Span<double> gradients)
    {
        for (var p = 0; p < values.Length; p++)
        {
            double x = points[2 * p], y = points[(2 * p) + 1];
            gradients[2 * p] = x;
            gradients[(2 * p) + 1] = 50 * y;
            values[p] = 0.5 * x * x + 25 * y * y;
        }
    }

    /// <inheritdoc />
    public override void Values(ReadOnlySpan<double> points, Span<double> values)
    {
        for (var p = 0; p < values.Length; p++)
        {
            double x = points[2 * p], y = points[(2 * p) + 1];
            values[p] = 0.5 * x * x + 25 * y * y;
        }
    }
}
