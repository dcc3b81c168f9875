using LrLab.Core.Expressions;

namespace LrLab.Core.Tests.Expressions;

public class FormulaValueTests
{
    [Theory]
    [InlineData("1 + 2*3", 0, 0, 7)]
    [InlineData("(1 + 2)*3", 0, 0, 9)]
    [InlineData("10 - 4 - 3", 0, 0, 3)]
    [InlineData("64/4/2", 0, 0, 8)]
    [InlineData("2^3^2", 0, 0, 512)]
    [InlineData("(2^3)^2", 0, 0, 64)]
    [InlineData("-x^2", 3, 0, -9)]
    [InlineData("(-x)^2", 3, 0, 9)]
    [InlineData("-2^2", 0, 0, -4)]
    [InlineData("2^-1", 0, 0, 0.5)]
    [InlineData("2*-x", 3, 0, -6)]
    [InlineData("--x", 3, 0, 3)]
    [InlineData("+x", 3, 0, 3)]
    [InlineData("x - -y", 1, 2, 3)]
    [InlineData("x^2 + 2*y^2", -4, 3, 34)]
    [InlineData("w^2", 4, 0, 16)]
    [InlineData(".5 + 1.5 + 1e-3 + 2E+2", 0, 0, 202.001)]
    [InlineData("pi", 0, 0, Math.PI)]
    [InlineData("e", 0, 0, Math.E)]
    [InlineData("PI*X", 2, 0, 2 * Math.PI)]
    [InlineData("sin(pi/2)", 0, 0, 1)]
    [InlineData("cos(0)", 0, 0, 1)]
    [InlineData("tan(x)", 0.5, 0, 0.54630248984379048)]
    [InlineData("exp(1)", 0, 0, Math.E)]
    [InlineData("log(e^2)", 0, 0, 2)]
    [InlineData("sqrt(16)", 0, 0, 4)]
    [InlineData("abs(x - y)", 1, 5, 4)]
    [InlineData("tanh(0)", 0, 0, 0)]
    [InlineData("sigmoid(0)", 0, 0, 0.5)]
    [InlineData("sigmoid(x)", -800, 0, 0)]
    [InlineData("x**2", 3, 0, 9)]
    [InlineData("2\u00d73 \u2212 1", 0, 0, 5)]
    [InlineData("(1 - x)^2 + 100*(y - x^2)^2", 1, 1, 0)]
    [InlineData("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 3, 2, 0)]
    public void Evaluates_known_expressions(string text, double x, double y, double expected)
    {
        var formula = CompiledFormula.Parse(text);

        double value = formula.Evaluate(Variables(formula, x, y));

        NumericDerivatives.AssertClose(expected, value, 1e-15, text);
    }

    [Theory]
    [InlineData("log(x)", -1)]
    [InlineData("sqrt(x)", -1)]
    [InlineData("1/x", 0)]
    [InlineData("x^0.5", -4)]
    public void Out_of_domain_values_are_nan_or_infinite_rather_than_errors(string text, double x)
    {
        var formula = CompiledFormula.Parse(text);
        var gradient = new double[1];

        Assert.False(double.IsFinite(formula.EvaluateWithGradient([x], gradient)));
    }

    [Theory]
    [InlineData("x^2", 1)]
    [InlineData("w^2 + 1", 1)]
    [InlineData("sin(x)*3", 1)]
    [InlineData("y", 2)]
    [InlineData("x + y", 2)]
    [InlineData("2", 1)]
    public void Dimension_is_one_unless_y_appears(string text, int dimension)
    {
        Assert.Equal(dimension, CompiledFormula.Parse(text).Dimension);
    }

    [Theory]
    [InlineData("x^2+2*y^2", "x^2 + 2*y^2")]
    [InlineData("  (x)  ", "x")]
    [InlineData("-(x^2)", "-x^2")]
    [InlineData("(-x)^2", "(-x)^2")]
    [InlineData("2^(3^2)", "2^3^2")]
    [InlineData("(2^3)^2", "(2^3)^2")]
    [InlineData("x - (y - 1)", "x - (y - 1)")]
    [InlineData("(x - y) - 1", "x - y - 1")]
    [InlineData("x/(y*2)", "x/(y*2)")]
    [InlineData("SIN(W)", "sin(x)")]
    [InlineData("2*pi*e", "2*pi*e")]
    [InlineData("+x", "x")]
    [InlineData("x**2", "x^2")]
    [InlineData(".5", "0.5")]
    [InlineData("1e-3*x", "0.001*x")]
    [InlineData("-(x + 1)", "-(x + 1)")]
    [InlineData("x^-y", "x^-y")]
    [InlineData("1 - exp(-(x^2 + y^2)/2)", "1 - exp(-(x^2 + y^2)/2)")]
    public void Normalized_text_is_canonical(string text, string expected)
    {
        Assert.Equal(expected, CompiledFormula.Parse(text).Text);
    }

    [Fact]
    public void Constant_subexpressions_are_folded_into_one_instruction()
    {
        Assert.Equal(1, CompiledFormula.Parse("2*pi + sqrt(4)^3").Length);
        Assert.Equal(3, CompiledFormula.Parse("(1 + 2)*x").Length);
    }

    internal static double[] Variables(CompiledFormula formula, double x, double y)
        => formula.Dimension == 1 ? [x] : [x, y];
}
