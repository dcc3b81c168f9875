using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Tests.Surfaces;

public class BuiltInSurfaceTests
{
    public static TheoryData<string> Names => [.. SurfaceCatalog.BuiltIns.Select(s => s.Name)];

    // Points spread over each view box, off the axes so no gradient term vanishes by symmetry.
    private static readonly double[][] _points2D = [[-1.5, 2.0], [0.3, -0.7], [1.1, 1.3], [-2.2, -0.4], [0.05, 0.9], [3.0, -2.0]];
    private static readonly double[][] _points1D = [[-3.0], [-0.2], [0.7], [4.0]];

    public static TheoryData<string, double, double> NamesAndPoints()
    {
        var data = new TheoryData<string, double, double>();
        foreach (var surface in SurfaceCatalog.BuiltIns)
        {
            foreach (var p in surface.Dimension == 1 ? _points1D : _points2D)
            {
                data.Add(surface.Name, p[0], p.Length > 1 ? p[1] : double.NaN);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NamesAndPoints))]
    public void Gradient_matches_central_differences(string name, double x, double y)
    {
        var surface = SurfaceCatalog.Find(name)!;
        double[] point = surface.Dimension == 1 ? [x] : [x, y];
        var gradient = new double[surface.Dimension];

        double value = surface.ValueAndGradient(point, gradient);
        var numeric = NumericDerivatives.Gradient(p => surface.Value(p), point);

        Assert.Equal(surface.Value(point), value);
        for (int i = 0; i < point.Length; i++)
        {
            NumericDerivatives.AssertClose(numeric[i], gradient[i], 1e-7, $"{name} ∂/∂p{i} at ({x}, {y})");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_vanishes_at_the_minimum(string name)
    {
        var surface = SurfaceCatalog.Find(name)!;
        var minimum = surface.Curvature!.Minimum.ToArray();
        var gradient = new double[surface.Dimension];

        surface.ValueAndGradient(minimum, gradient);

        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-12, $"{name}: gradient {g} at its minimum"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Curvature_matches_the_numeric_hessian_at_the_minimum(string name)
    {
        var surface = SurfaceCatalog.Find(name)!;
        var curvature = surface.Curvature!;

        var (min, max) = NumericDerivatives.Eigenvalues(NumericDerivatives.Hessian(surface, [.. curvature.Minimum]));

        NumericDerivatives.AssertClose(min, curvature.LambdaMin, 1e-6, $"{name} λmin");
        NumericDerivatives.AssertClose(max, curvature.LambdaMax, 1e-6, $"{name} λmax");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_minimum_is_lower_than_its_surroundings(string name)
    {
        var surface = SurfaceCatalog.Find(name)!;
        var minimum = surface.Curvature!.Minimum.ToArray();
        double floor = surface.Value(minimum);

        for (int i = 0; i < minimum.Length; i++)
        {
            foreach (double offset in new[] { -1e-3, 1e-3 })
            {
                var nearby = (double[])minimum.Clone();
                nearby[i] += offset;
                Assert.True(surface.Value(nearby) > floor, $"{name}: moving p{i} by {offset} does not climb");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Start_and_minimum_lie_inside_the_view_and_differ(string name)
    {
        var surface = SurfaceCatalog.Find(name)!;
        var view = surface.View;
        var start = surface.DefaultStart;
        var minimum = surface.Curvature!.Minimum;

        Assert.Equal(surface.Dimension, start.Count);
        Assert.Equal(surface.Dimension, minimum.Count);
        Assert.InRange(start[0], view.XMin, view.XMax);
        Assert.InRange(minimum[0], view.XMin, view.XMax);
        if (surface.Dimension == 2)
        {
            Assert.InRange(start[1], view.YMin, view.YMax);
            Assert.InRange(minimum[1], view.YMin, view.YMax);
        }
        else
        {
            Assert.InRange(surface.Value([start[0]]), view.YMin, view.YMax);
        }

        Assert.NotEqual(minimum, start);
    }

    [Fact]
    public void Bowl_has_lambda_max_exactly_4_and_stability_limit_exactly_one_half()
    {
        var bowl = SurfaceCatalog.Find("bowl")!;

        Assert.Equal(4.0, bowl.LambdaMax);
        Assert.Equal(0.5, Plain(bowl));
        Assert.Equal(2.0, bowl.Curvature!.LambdaMin);
    }

    [Fact]
    public void Ravine_is_ill_conditioned_with_a_limit_under_a_tenth_of_the_bowls()
    {
        var ravine = SurfaceCatalog.Find("ravine")!;
        var bowl = SurfaceCatalog.Find("bowl")!;

        Assert.True(ravine.Curvature!.ConditionNumber >= 50);
        Assert.True(Plain(ravine) <= 0.05);
        Assert.True(Plain(ravine) <= Plain(bowl) / 10);
        Assert.Equal(0.04, Plain(ravine), 15);
    }

    [Fact]
    public void Parabola_reproduces_the_worked_example()
    {
        var parabola = SurfaceCatalog.Find("parabola")!;
        var gradient = new double[1];

        double loss = parabola.ValueAndGradient([4.0], gradient);

        Assert.Equal(16.0, loss);
        Assert.Equal(8.0, gradient[0]);
        Assert.Equal(3.2, 4 - 0.1 * gradient[0], 15);
        Assert.Equal(1.0, Plain(parabola));
    }

    [Fact]
    public void Rosenbrock_eigenvalues_are_the_closed_form_of_its_hessian()
    {
        var curvature = SurfaceCatalog.Find("rosenbrock")!.Curvature!;

        // Roots of λ² − 1002λ + 400 = 0 (trace 1002, determinant 802·200 − 400²).
        double root = Math.Sqrt(501.0 * 501.0 - 400.0);
        NumericDerivatives.AssertClose(400.0 / (501.0 + root), curvature.LambdaMin, 1e-14, "λmin");
        NumericDerivatives.AssertClose(501.0 + root, curvature.LambdaMax, 1e-14, "λmax");
        Assert.Equal(400.0, curvature.LambdaMin * curvature.LambdaMax, 9);
    }

    [Fact]
    public void Saddle_has_a_saddle_at_the_origin_and_minima_at_plus_minus_one()
    {
        var saddle = SurfaceCatalog.Find("saddle")!;
        var hessian = NumericDerivatives.Hessian(saddle, [0.0, 0.0]);

        Assert.Equal(-0.5, saddle.Value([0.0, 1.0]));
        Assert.Equal(-0.5, saddle.Value([0.0, -1.0]));
        Assert.True(hessian[0, 0] > 0 && hessian[1, 1] < 0, "origin should curve up along x and down along y");
    }

    [Fact]
    public void Plateau_gradients_are_tiny_far_from_the_minimum()
    {
        var plateau = SurfaceCatalog.Find("plateau")!;
        var gradient = new double[2];

        plateau.ValueAndGradient([3.5, 3.5], gradient);

        Assert.True(Math.Sqrt(gradient[0] * gradient[0] + gradient[1] * gradient[1]) < 1e-4);
    }

    [Fact]
    public void Himmelblau_has_four_zero_minima_each_with_a_verified_curvature()
    {
        var himmelblau = (HimmelblauSurface)SurfaceCatalog.Find("himmelblau")!;
        var gradient = new double[2];

        Assert.Equal(4, himmelblau.Minima.Count);
        Assert.Same(himmelblau.Minima[0], himmelblau.Curvature);
        Assert.Equal([3.0, 2.0], himmelblau.Minima[0].Minimum);
        foreach (var minimum in himmelblau.Minima)
        {
            double[] point = [.. minimum.Minimum];
            Assert.True(himmelblau.ValueAndGradient(point, gradient) < 1e-25);
            Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-12));
            var (min, max) = NumericDerivatives.Eigenvalues(NumericDerivatives.Hessian(himmelblau, point));
            NumericDerivatives.AssertClose(min, minimum.LambdaMin, 1e-6, "λmin");
            NumericDerivatives.AssertClose(max, minimum.LambdaMax, 1e-6, "λmax");
        }

        Assert.Equal(4, himmelblau.Minima.Select(m => (Math.Sign(m.Minimum[0]), Math.Sign(m.Minimum[1]))).Distinct().Count());
    }

    private static double Plain(Surface surface) => RateTheory.GradientDescent(surface.Curvature)!.GradientDescentLimit;
}
