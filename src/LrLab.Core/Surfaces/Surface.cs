using System.Globalization;

namespace LrLab.Core.Surfaces;

/// <summary>
/// A loss surface L(θ) over one or two float64 parameters, with its exact gradient and the
/// curvature at its minimum, so the theory limits of a learning rate are known in closed form.
/// </summary>
public abstract class Surface
{
    /// <summary>Short name used on the command line and in URLs (e.g. <c>bowl</c>), or the formula text.</summary>
    public abstract string Name { get; }

    /// <summary>The formula shown to users, in the same syntax the formula parser reads (e.g. <c>x^2 + 2*y^2</c>).</summary>
    public abstract string Formula { get; }

    /// <summary>Number of parameters: 1 (w) or 2 (x, y).</summary>
    public abstract int Dimension { get; }

    /// <summary>Curvature at the reference minimum (Hessian eigenvalues), or <c>null</c> when there is no minimum.</summary>
    public abstract Curvature? Curvature { get; }

    /// <summary>Where a run starts unless told otherwise.</summary>
    public abstract IReadOnlyList<double> DefaultStart { get; }

    /// <summary>The region the lab draws.</summary>
    public abstract ViewBox View { get; }

    /// <summary>True when <see cref="SampleGradient"/> adds noise (mini-batch style); the loss itself stays exact.</summary>
    public virtual bool IsStochastic => false;

    /// <summary>L(θ).</summary>
    public abstract double Value(ReadOnlySpan<double> parameters);

    /// <summary>Writes the exact ∇L(θ) into <paramref name="gradient"/> and returns L(θ).</summary>
    public abstract double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient);

    /// <summary>
    /// The gradient an optimizer sees: exact for deterministic surfaces; for stochastic ones the exact
    /// gradient plus noise whose standard deviation shrinks as 1/√<paramref name="batchSize"/>.
    /// Returns the exact loss. Randomness only through <paramref name="random"/>.
    /// </summary>
    public virtual double SampleGradient(ReadOnlySpan<double> parameters, Span<double> gradient, Random random, int batchSize)
        => ValueAndGradient(parameters, gradient);

    /// <summary>
    /// A fresh copy of <paramref name="start"/> (or of <see cref="DefaultStart"/> when null) after checking it has one
    /// finite value per parameter: the one place a start point is validated.
    /// </summary>
    /// <exception cref="InputException">Wrong number of values, or a value that is not finite (parameter <c>start</c>).</exception>
    public double[] StartFrom(IReadOnlyList<double>? start)
    {
        start ??= DefaultStart;
        if (start.Count != Dimension)
        {
            throw InputException.For("start", string.Create(CultureInfo.InvariantCulture, $"needs {Dimension} value(s) for surface '{Name}', got {start.Count}"));
        }

        foreach (var v in start)
        {
            if (!double.IsFinite(v))
            {
                throw InputException.For("start", "values must be finite numbers");
            }
        }

        return [.. start];
    }

    /// <summary>Largest Hessian eigenvalue at the minimum (λmax), or NaN when unknown.</summary>
    public double LambdaMax => Curvature?.LambdaMax ?? double.NaN;
}
