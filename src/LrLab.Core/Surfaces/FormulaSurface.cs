using System.Collections.Immutable;
using LrLab.Core.Expressions;

namespace LrLab.Core.Surfaces;

/// <summary>
/// A surface typed by the user as a formula in x (or w) and y, e.g. <c>x^2 + 10*sin(y)</c>. Value and
/// gradient are exact (reverse-mode differentiation of the compiled tape). The curvature comes from a
/// bounded local search from <see cref="DefaultStart"/>, so it describes the minimum a run from there
/// would most likely reach, and is null when that search finds no strict minimum.
/// </summary>
public sealed class FormulaSurface : Surface
{
    // Candidate starts, tried in order: off-axis and not at the origin, where hand-typed formulas
    // usually put their minimum, so a run has somewhere to go.
    private static readonly ImmutableArray<(double X, double Y)> _startCandidates = [(2, 1.5), (1.5, -1), (-2, 1), (0.5, 0.5), (3, 3)];

    private readonly CompiledFormula _formula;

    /// <summary>Parses and compiles <paramref name="text"/>.</summary>
    /// <exception cref="InputException">The text is not a valid formula; the message names the column.</exception>
    public FormulaSurface(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _formula = CompiledFormula.Parse(text);
        Name = text.Trim();
        DefaultStart = ChooseStart();
        View = Dimension == 1 ? LossRangeView() : new ViewBox(-5, 5, -5, 5);
        Curvature = MinimumSearch.Locate(this, DefaultStart);
    }

    /// <summary>The text as typed (trimmed).</summary>
    public override string Name { get; }

    /// <summary>The canonical spelling of the formula.</summary>
    public override string Formula => _formula.Text;

    /// <inheritdoc />
    public override int Dimension => _formula.Dimension;

    /// <inheritdoc />
    public override Curvature? Curvature { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; }

    /// <summary>[−5, 5]²; for a 1-D formula x in [−5, 5] and the loss axis fitted to the curve there.</summary>
    public override ViewBox View { get; }

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters) => _formula.Evaluate(parameters);

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
        => _formula.EvaluateWithGradient(parameters, gradient);

    private double[] ChooseStart()
    {
        Span<double> gradient = stackalloc double[2];
        foreach (var (x, y) in _startCandidates)
        {
            double[] start = Dimension == 1 ? [x] : [x, y];
            double value = ValueAndGradient(start, gradient);
            var used = gradient[..Dimension];
            if (double.IsFinite(value) && IsFinite(used) && used.ContainsAnyExcept(0.0))
            {
                return start;
            }
        }

        return Dimension == 1 ? [_startCandidates[0].X] : [_startCandidates[0].X, _startCandidates[0].Y];
    }

    private ViewBox LossRangeView()
    {
        const int Samples = 201;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < Samples; i++)
        {
            double value = Value([-5 + 10.0 * i / (Samples - 1)]);
            if (double.IsFinite(value))
            {
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
        }

        if (!(low <= high) || high - low > 1e12)
        {
            return new ViewBox(-5, 5, -5, 5);
        }

        double margin = high > low ? 0.05 * (high - low) : 1;
        return new ViewBox(-5, 5, low - margin, high + margin);
    }

    private static bool IsFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
