using System.Globalization;
using CsCheck;
using LrLab.Core;
using LrLab.Core.Expressions;
using LrLab.Core.Surfaces;

namespace LrLab.Fuzz;

/// <summary>The formula box and the lab's <c>surface=</c>: text parses into a formula whose value, gradient and canonical
/// text behave, or fails with a one-line message and a column inside the text; never another exception.</summary>
public static class FormulaTarget
{
    private static readonly string[] _tokens =
    [
        "x", "y", "w", "z", "pi", "e", "1", "0", "2.5", "1e3", "1e999", ".5", "5.", "+", "-", "*", "/", "^", "(", ")", ",", " ",
        "sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "sinh", "max", "\u2212", "\u00d7", "**", "#", "ee", "1e", "x2",
    ];

    private static readonly Gen<string> _text = Gen.Frequency(
        (5, Gen.OneOf<string>(_tokens).Array[0, 40].Select(string.Concat)),
        (3, Gen.Char["xyw()+-*/^.0123456789e pisncoqrtabhglm,#z\u2212"].Array[0, 80].Select(c => new string(c))),
        (1, Gen.String),
        (1, Hostile.Value),
        (1, Gen.Select(Gen.OneOf<string>("(", "-", "sin(", "x^", "+"), Gen.Int[1, 700], (u, n) => string.Concat(Enumerable.Repeat(u, n)) + "x")));

    public static FuzzTarget Target { get; } = new(
        "formula",
        "formula text (lab surface box, --surface)",
        (iter, seed, time) => Gen.Select(_text, Gen.Double[-3, 3], Gen.Double[-3, 3]).Sample(Slowest.Wrap<string, double, double>(Check), iter: iter, seed: seed, time: time));

    public static void Check(string text, double x, double y)
    {
        CompiledFormula formula;
        try
        {
            formula = CompiledFormula.Parse(text);
        }
        catch (InputException e)
        {
            Notices.IsOneLine(e.Message);
            FuzzException.Unless(e.Position is >= 1 && e.Position <= Math.Max(text.Length, CompiledFormula.MaxLength) + 1, $"column {e.Position} outside '{text}'");
            return;
        }

        double[] point = formula.Dimension == 1 ? [x] : [x, y];
        var gradient = new double[formula.Dimension];
        var value = formula.EvaluateWithGradient(point, gradient);
        FuzzException.Unless(value.Equals(formula.Evaluate(point)), $"value with and without the gradient differ for '{text}'");
        var again = CompiledFormula.Parse(formula.Text);
        FuzzException.Unless(again.Text == formula.Text, $"canonical text does not round-trip: '{formula.Text}' → '{again.Text}'");
        FuzzException.Unless(again.Evaluate(point).Equals(value), $"'{formula.Text}' evaluates differently after a round trip");

        // The lab resolves the same text into a surface (default start, view box, curvature).
        try
        {
            var surface = SurfaceCatalog.Resolve(text);
            FuzzException.Unless(surface.DefaultStart.Count == surface.Dimension, "start and dimension disagree");
        }
        catch (InputException e)
        {
            Notices.IsOneLine(e.Message);
        }

        _ = value.ToString(CultureInfo.InvariantCulture);
    }
}
