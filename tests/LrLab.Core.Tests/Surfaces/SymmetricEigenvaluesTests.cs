using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Surfaces;

public class SymmetricEigenvaluesTests
{
    [Theory]
    [InlineData(2, 0, 4, 2, 4)]
    [InlineData(4, 0, 2, 2, 4)]
    [InlineData(74, 20, 34, 54 - 28.284271247461902, 54 + 28.284271247461902)]
    [InlineData(1, 1, 1, 0, 2)]
    [InlineData(-3, 0, 5, -3, 5)]
    [InlineData(-5, 1, -5, -6, -4)]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(1e-8, 0, 1e8, 1e-8, 1e8)]
    public void Returns_both_eigenvalues_in_order(double a, double b, double c, double expectedMin, double expectedMax)
    {
        var (min, max) = SymmetricEigenvalues.Of(a, b, c);

        NumericDerivatives.AssertClose(expectedMin, min, 1e-14, "min");
        NumericDerivatives.AssertClose(expectedMax, max, 1e-14, "max");
    }

    [Fact]
    public void Small_eigenvalue_of_an_ill_conditioned_matrix_keeps_full_precision()
    {
        // [[1, 1], [1, 1 + 1e-10]]: determinant ≈ 1e-10 and λmax ≈ 2, so λmin ≈ 5e-11. The textbook
        // mean − radius would subtract two numbers near 1 and keep only about five digits of it.
        var (min, _) = SymmetricEigenvalues.Of(1, 1, 1 + 1e-10);

        Assert.Equal(5e-11, min, 1e-16);
    }
}
