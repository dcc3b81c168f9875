using System.Globalization;
using CsCheck;
using LrLab.Core.Expressions;

namespace LrLab.Core.Tests.Expressions;

public class FormulaPropertyTests
{
    // Characters the language uses plus a few it does not, so near-miss inputs dominate.
    private const string Alphabet = "xyw()+-*/^.0123456789e pisncoqrtabhglm,#z\u2212";

    private static readonly Gen<string> _nearMissText =
        Gen.Char[Alphabet].Array[0, 80].Select(chars => new string(chars));

    private static readonly Gen<string> _anyText = Gen.String;

    private static readonly Gen<string> _leaf = Gen.OneOf(
        Gen.Const("x"),
        Gen.Const("y"),
        Gen.Const("pi"),
        Gen.Int[0, 9].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[0.1, 3].Select(d => Math.Round(d, 2).ToString(CultureInfo.InvariantCulture)));

    // Smooth building blocks only, so finite differences are a trustworthy reference.
    private static readonly Gen<string> _validExpression = Gen.Recursive<string>((depth, self) =>
        depth >= 4
            ? _leaf
            : Gen.Frequency(
                (3, _leaf),
                (3, Gen.Select(self, Gen.OneOf(Gen.Const(" + "), Gen.Const(" - "), Gen.Const("*")), self, (a, op, b) => $"({a}{op}{b})")),
                (1, Gen.Select(self, self, (a, b) => $"({a})/(2 + sin({b}))")),
                (1, self.Select(a => $"({a})^2")),
                (1, self.Select(a => $"-{a}")),
                (2, Gen.Select(Gen.OneOf(Gen.Const("sin"), Gen.Const("cos"), Gen.Const("tanh"), Gen.Const("sigmoid"), Gen.Const("exp")), self, (f, a) => $"{f}({a}/4)")),
                (1, self.Select(a => $"sqrt(1 + ({a})^2)")),
                (1, self.Select(a => $"log(2 + cos({a}))"))));

    [Fact]
    public void Arbitrary_text_fails_only_with_input_errors()
    {
        _anyText.Sample(ParseOrInputError, iter: 20_000);
        _nearMissText.Sample(ParseOrInputError, iter: 50_000);
    }

    [Fact]
    public void Generated_expressions_parse_and_their_gradient_matches_finite_differences()
    {
        Gen.Select(_validExpression, Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample(
            (text, x, y) =>
            {
                var formula = CompiledFormula.Parse(text);
                double[] point = formula.Dimension == 1 ? [x] : [x, y];
                var gradient = new double[formula.Dimension];
                double value = formula.EvaluateWithGradient(point, gradient);
                if (!double.IsFinite(value))
                {
                    return;
                }

                var coarse = NumericDerivatives.Gradient(p => formula.Evaluate(p), point, 1e-4);
                var fine = NumericDerivatives.Gradient(p => formula.Evaluate(p), point, 1e-5);
                for (int i = 0; i < point.Length; i++)
                {
                    // A central difference with step h carries rounding noise of about ε·|f|/h: large values
                    // (exp(10)² is 5e8) make the reference, not the gradient, the inexact side.
                    var noise = 100 * 2.2e-16 * Math.Abs(value) / 1e-5;

                    // Trust the reference only where two step sizes agree (it is not near a kink or blow-up).
                    if (double.IsFinite(fine[i]) && Math.Abs(coarse[i] - fine[i]) <= (1e-6 * Math.Max(1, Math.Abs(fine[i]))) + noise)
                    {
                        var tolerance = (1e-5 * Math.Max(1, Math.Abs(fine[i]))) + noise;
                        Assert.True(
                            Math.Abs(fine[i] - gradient[i]) <= tolerance,
                            $"{text} ∂/∂p{i} at ({x}, {y}): expected {fine[i]:R}, got {gradient[i]:R} (tolerance {tolerance:G3})");
                    }
                }
            },
            iter: 3_000);
    }

    [Fact]
    public void Canonical_text_parses_back_to_itself_with_the_same_values()
    {
        Gen.Select(_validExpression, Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample(
            (text, x, y) =>
            {
                var original = CompiledFormula.Parse(text);
                var reparsed = CompiledFormula.Parse(original.Text);
                double[] point = [x, y];

                Assert.Equal(original.Text, reparsed.Text);
                Assert.Equal(original.Evaluate(point), reparsed.Evaluate(point));
            },
            iter: 3_000);
    }

    [Fact]
    public void Every_formula_that_parses_builds_a_surface_without_throwing()
    {
        _nearMissText.Sample(
            text =>
            {
                try
                {
                    CompiledFormula.Parse(text);
                }
                catch (InputException)
                {
                    return;
                }

                var surface = new FormulaSurface(text);
                Assert.InRange(surface.Dimension, 1, 2);
                Assert.Equal(surface.Dimension, surface.DefaultStart.Count);
            },
            iter: 5_000);
    }

    private static void ParseOrInputError(string text)
    {
        try
        {
            var formula = CompiledFormula.Parse(text);
            var gradient = new double[formula.Dimension];
            formula.EvaluateWithGradient([0.5, -0.5], gradient);
        }
        catch (InputException error)
        {
            Assert.DoesNotContain('\n', error.Message);
            Assert.NotNull(error.Position);
            Assert.InRange(error.Position!.Value, 1, Math.Max(text.Length, 500) + 1);
        }
    }
}
