using LrLab.Core.Expressions;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Surfaces;

public class SurfaceCatalogTests
{
    [Fact]
    public void Has_exactly_the_required_built_ins_in_teaching_order()
    {
        Assert.Equal(
            ["parabola", "bowl", "ravine", "rotated-ravine", "rosenbrock", "saddle", "plateau", "himmelblau", "noisy-bowl"],
            SurfaceCatalog.BuiltIns.Select(s => s.Name));
    }

    [Theory]
    [InlineData("bowl", "bowl")]
    [InlineData("BOWL", "bowl")]
    [InlineData("  Rosenbrock ", "rosenbrock")]
    [InlineData("Noisy-Bowl", "noisy-bowl")]
    [InlineData("parabola", "parabola")]
    public void Find_is_case_insensitive(string query, string expected)
    {
        Assert.Equal(expected, SurfaceCatalog.Find(query)?.Name);
    }

    [Theory]
    [InlineData("bow")]
    [InlineData("")]
    [InlineData("x^2")]
    [InlineData("noisy bowl")]
    public void Find_returns_null_for_anything_else(string query)
    {
        Assert.Null(SurfaceCatalog.Find(query));
    }

    [Fact]
    public void Resolve_prefers_the_built_in()
    {
        Assert.Same(SurfaceCatalog.Find("ravine"), SurfaceCatalog.Resolve("Ravine"));
    }

    [Fact]
    public void Resolve_parses_anything_else_as_a_formula()
    {
        var surface = SurfaceCatalog.Resolve("x^2 + 3*y^2");

        var formula = Assert.IsType<FormulaSurface>(surface);
        Assert.Equal(2, formula.Dimension);
        Assert.Equal(6.0, formula.LambdaMax, 6);
    }

    [Theory]
    [InlineData("bowel", 1)]
    [InlineData("x^2 +", 6)]
    [InlineData("", 1)]
    public void Resolve_reports_bad_input_with_a_column(string text, int column)
    {
        var error = Assert.Throws<InputException>(() => SurfaceCatalog.Resolve(text));

        Assert.Equal(column, error.Position);
    }

    [Fact]
    public void Every_formula_text_parses_to_the_same_surface()
    {
        foreach (var builtIn in SurfaceCatalog.BuiltIns.Where(s => !s.IsStochastic))
        {
            Assert.Equal(builtIn.Formula, CompiledFormula.Parse(builtIn.Formula).Text);
        }
    }
}
