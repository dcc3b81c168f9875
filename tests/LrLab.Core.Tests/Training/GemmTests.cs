using System.Runtime.InteropServices;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

/// <summary>Every kernel width (including the scalar and Vector128 fallbacks the browser uses) against a float64 reference.</summary>
public class GemmTests
{
    public static TheoryData<int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int>();
        int[][] shapes = [[64, 128, 784], [7, 10, 13], [1, 1, 1], [5, 33, 3], [64, 10, 128], [10, 128, 64], [13, 100, 31], [4, 32, 0], [17, 50, 9], [128, 784, 64]];
        foreach (var width in new[] { 0, 128, 256, 512, Gemm.Interpreted })
        {
            foreach (var s in shapes)
            {
                data.Add(width, s[0], s[1], s[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void All_three_products_match_the_reference(int width, int m, int n, int k)
    {
        var random = new Random((m * 31) + (n * 7) + k);
        var a = Values(random, m * k);
        var at = Transpose(a, m, k);
        var b = Values(random, k * n);
        var bt = Transpose(b, k, n);
        var bias = Values(random, n);
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    sum += (double)a[(i * k) + p] * b[(p * n) + j];
                }

                expected[(i * n) + j] = sum;
            }
        }

        var tolerance = 1e-5 * Math.Max(1, k);
        var c = new float[m * n];
        Gemm.Axpy(ref Ref(a), k, 1, ref Ref(b), ref Ref(c), 0, m, n, k, width);
        AssertClose(expected, c, tolerance, "A·B");

        Array.Fill(c, float.NaN);
        Gemm.Axpy(ref Ref(at), 1, m, ref Ref(b), ref Ref(c), 0, m, n, k, width);
        AssertClose(expected, c, tolerance, "Aᵀ·B");

        Array.Fill(c, float.NaN);
        Gemm.Dot(ref Ref(a), ref Ref(bt), ref Ref(c), 0, m, n, k, ref Ref(bias), true, true, width);
        var withBias = expected.Select((v, idx) => Math.Max(0, v + bias[idx % n])).ToArray();
        AssertClose(withBias, c, tolerance, "relu(A·Bᵀ + bias)");
    }

    [Fact]
    public void Row_ranges_compute_only_their_rows()
    {
        var random = new Random(3);
        var a = Values(random, 12 * 20);
        var b = Values(random, 20 * 40);
        var c = new float[12 * 40];
        Gemm.Axpy(ref Ref(a), 20, 1, ref Ref(b), ref Ref(c), 4, 8, 40, 20, Gemm.BestWidth);
        Assert.All(c[..(4 * 40)], v => Assert.Equal(0f, v));
        Assert.All(c[(8 * 40)..], v => Assert.Equal(0f, v));
        Assert.Contains(c[(4 * 40)..(8 * 40)], v => v != 0);
    }

    [Fact]
    public void Public_entry_points_check_operand_sizes() =>
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[5], new float[6], new float[6], 2, 3, 3));

    private static ref float Ref(float[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    private static float[] Values(Random random, int count)
    {
        var values = new float[Math.Max(count, 1)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() * 2) - 1;
        }

        return values;
    }

    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var t = new float[Math.Max(rows * columns, 1)];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                t[(j * rows) + i] = matrix[(i * columns) + j];
            }
        }

        return t;
    }

    private static void AssertClose(double[] expected, float[] actual, double tolerance, string what)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}: element {i} is {actual[i]}, expected {expected[i]}");
        }
    }
}
