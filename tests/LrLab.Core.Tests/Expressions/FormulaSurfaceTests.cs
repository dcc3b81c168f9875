using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Expressions;

public class FormulaSurfaceTests
{
    public static TheoryData<string> DeterministicBuiltIns
        => [.. SurfaceCatalog.BuiltIns.Where(s => !s.IsStochastic).Select(s => s.Name)];

    private static readonly double[][] _points = [[-1.5, 2.0], [0.3, -0.7], [1.1, 1.3], [2.5, 2.0], [0.0, 1.0]];

    [Theory]
    [MemberData(nameof(DeterministicBuiltIns))]
    public void Typing_a_built_ins_formula_gives_the_same_values_and_gradients(string name)
    {
        var builtIn = SurfaceCatalog.Find(name)!;
        var typed = new FormulaSurface(builtIn.Formula);
        var expected = new double[builtIn.Dimension];
        var actual = new double[typed.Dimension];

        Assert.Equal(builtIn.Dimension, typed.Dimension);
        foreach (var p in _points)
        {
            double[] point = p[..builtIn.Dimension];
            double expectedValue = builtIn.ValueAndGradient(point, expected);
            double actualValue = typed.ValueAndGradient(point, actual);

            NumericDerivatives.AssertClose(expectedValue, actualValue, 1e-13, $"{name} value");
            NumericDerivatives.AssertClose(expectedValue, typed.Value(point), 1e-13, $"{name} value");
            for (int i = 0; i < point.Length; i++)
            {
                NumericDerivatives.AssertClose(expected[i], actual[i], 1e-13, $"{name} ∂/∂p{i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DeterministicBuiltIns))]
    public void Curvature_search_finds_a_minimum_of_the_built_in_with_its_eigenvalues(string name)
    {
        var builtIn = SurfaceCatalog.Find(name)!;
        var typed = new FormulaSurface(builtIn.Formula);

        var found = typed.Curvature;

        Assert.NotNull(found);
        var minima = builtIn is HimmelblauSurface himmelblau ? himmelblau.Minima : [builtIn.Curvature!];
        var match = minima.MinBy(m => Distance(m.Minimum, found.Minimum))!;
        Assert.True(Distance(match.Minimum, found.Minimum) < 1e-6, $"{name}: found ({string.Join(", ", found.Minimum)})");
        NumericDerivatives.AssertClose(match.LambdaMin, found.LambdaMin, 1e-5, $"{name} λmin");
        NumericDerivatives.AssertClose(match.LambdaMax, found.LambdaMax, 1e-5, $"{name} λmax");
    }

    [Theory]
    [InlineData("x + y")]
    [InlineData("x^4 + y^4")]
    [InlineData("-x^2 - y^2")]
    [InlineData("sin(x)/0")]
    [InlineData("x^2 - y^2")]
    [InlineData("log(x)")]
    [InlineData("5")]
    public void Curvature_is_null_without_a_strict_minimum(string text)
    {
        Assert.Null(new FormulaSurface(text).Curvature);
    }

    [Fact]
    public void A_shifted_quadratic_reports_its_minimum_and_curvature()
    {
        var surface = new FormulaSurface("3*(x - 1)^2 + 0.5*(y + 2)^2 + x*y/10");
        var curvature = surface.Curvature!;

        // Hessian [[6, 0.1], [0.1, 1]] everywhere, so the eigenvalues are known exactly.
        var (min, max) = SymmetricEigenvalues.Of(6, 0.1, 1);
        NumericDerivatives.AssertClose(min, curvature.LambdaMin, 1e-7, "λmin");
        NumericDerivatives.AssertClose(max, curvature.LambdaMax, 1e-7, "λmax");
        var gradient = new double[2];
        surface.ValueAndGradient([.. curvature.Minimum], gradient);
        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-7));
    }

    [Fact]
    public void Describes_itself_from_the_text()
    {
        var surface = new FormulaSurface("  x^2+2*y^2 ");

        Assert.Equal("x^2+2*y^2", surface.Name);
        Assert.Equal("x^2 + 2*y^2", surface.Formula);
        Assert.Equal(new ViewBox(-5, 5, -5, 5), surface.View);
        Assert.Equal(2, surface.DefaultStart.Count);
        Assert.False(surface.IsStochastic);
        Assert.Equal(4.0, surface.LambdaMax, 6);
    }

    [Fact]
    public void One_dimensional_formula_fits_the_loss_axis_to_its_curve()
    {
        var surface = new FormulaSurface("w^2");

        Assert.Equal(1, surface.Dimension);
        Assert.Single(surface.DefaultStart);
        Assert.True(surface.View.YMin < 0 && surface.View.YMin > -2, $"YMin {surface.View.YMin}");
        Assert.True(surface.View.YMax > 25 && surface.View.YMax < 27, $"YMax {surface.View.YMax}");
        Assert.Equal(2.0, surface.LambdaMax, 6);
    }

    [Theory]
    [InlineData("x^2 + y^2")]
    [InlineData("(x - 2)^2 + (y - 1.5)^2")]
    [InlineData("sqrt(x - 2)")]
    public void Default_start_has_a_finite_nonzero_gradient(string text)
    {
        var surface = new FormulaSurface(text);
        var gradient = new double[surface.Dimension];

        double value = surface.ValueAndGradient([.. surface.DefaultStart], gradient);

        Assert.True(double.IsFinite(value));
        Assert.Contains(gradient, g => g != 0 && double.IsFinite(g));
    }

    private static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
        => Math.Sqrt(a.Zip(b, (u, v) => (u - v) * (u - v)).Sum());
}
