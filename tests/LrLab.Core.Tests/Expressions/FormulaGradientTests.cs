using LrLab.Core.Expressions;

namespace LrLab.Core.Tests.Expressions;

public class FormulaGradientTests
{
    public static TheoryData<string> Formulas =>
    [
        "x^2",
        "x^2 + 2*y^2",
        "0.5*x^2 + 25*y^2",
        "(1 - x)^2 + 100*(y - x^2)^2",
        "x^2 - y^2 + 0.5*y^4",
        "1 - exp(-(x^2 + y^2)/2)",
        "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        "sin(x)*cos(y)",
        "tan(x/3) + y",
        "log(1 + x^2 + y^2)",
        "sqrt(1 + x^2*y^2)",
        "abs(x) + abs(y - 0.25)",
        "tanh(x*y)",
        "sigmoid(3*x - y)",
        "x/(1 + y^2)",
        "(x^2 + 1)^y",
        "2^(x*y)",
        "x^3 - 3*x*y^2",
        "-x^2*exp(-y)",
        "e^x - pi*y",
        "exp(sin(x))*log(2 + cos(y))",
        "x^0.5 + abs(y)^1.5 + 4",
        "(x - y)^-2",
        "w^4 - 3*w",
    ];

    private static readonly (double X, double Y)[] _points = [(0.7, 1.3), (1.9, 0.4), (2.6, 2.2), (1.1, -0.9), (0.35, 0.8)];

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Reverse_mode_gradient_matches_central_differences(string text)
    {
        var formula = CompiledFormula.Parse(text);
        var gradient = new double[formula.Dimension];

        foreach (var (x, y) in _points)
        {
            double[] point = FormulaValueTests.Variables(formula, x, y);
            double value = formula.EvaluateWithGradient(point, gradient);
            var numeric = NumericDerivatives.Gradient(p => formula.Evaluate(p), point);

            Assert.Equal(formula.Evaluate(point), value);
            for (int i = 0; i < point.Length; i++)
            {
                NumericDerivatives.AssertClose(numeric[i], gradient[i], 1e-6, $"{text} ∂/∂p{i} at ({x}, {y})");
            }
        }
    }

    [Theory]
    [InlineData("abs(x)", 0, 0)]
    [InlineData("x^2", 0, 0)]
    [InlineData("x^0", 0, 0)]
    [InlineData("(-2)^x", 2, double.NaN)]
    [InlineData("x^2", -3, -6)]
    [InlineData("x^3", -2, 12)]
    [InlineData("0*sqrt(x)", 0, 0)]
    [InlineData("5", 1, 0)]
    public void Edge_derivatives_follow_the_usual_conventions(string text, double x, double expected)
    {
        var formula = CompiledFormula.Parse(text);
        var gradient = new double[1];

        formula.EvaluateWithGradient([x], gradient);

        Assert.Equal(expected, gradient[0]);
    }

    [Fact]
    public void Gradient_is_overwritten_not_accumulated()
    {
        var formula = CompiledFormula.Parse("x*y + x");
        double[] gradient = [100, 100];

        formula.EvaluateWithGradient([2.0, 3.0], gradient);

        Assert.Equal([4.0, 2.0], gradient);
    }

    [Fact]
    public void Evaluation_allocates_nothing()
    {
        var formula = CompiledFormula.Parse("(1 - x)^2 + 100*(y - x^2)^2 + sin(x*y)");
        double[] point = [0.5, 0.25];
        var gradient = new double[2];
        formula.EvaluateWithGradient(point, gradient);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            formula.Evaluate(point);
            formula.EvaluateWithGradient(point, gradient);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
