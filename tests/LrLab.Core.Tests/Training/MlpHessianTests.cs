using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

public class MlpHessianTests
{
    [Theory]
    [InlineData(6, 5, 3, 4, 1)]
    [InlineData(13, 17, 10, 9, 2)]
    [InlineData(784, 16, 10, 12, 3)]
    public void Product_matches_central_differences_of_the_float64_gradient(int inputs, int hidden, int outputs, int rows, int seed)
    {
        var (x, y) = TestData.Random(rows, inputs, outputs, seed);
        var mlp = new Mlp(inputs, hidden, outputs, rows);
        mlp.Initialize(new Random(seed));
        var hessian = new MlpHessian(mlp, new Samples(x, y, inputs));
        var loss = hessian.Prepare();
        var p = mlp.Parameters.Select(v => (double)v).ToArray();
        Assert.Equal(ReferenceMlp.Loss(p, x, y, inputs, hidden, outputs), loss, 1e-5);

        var random = new Random(seed + 100);
        var v = Enumerable.Range(0, p.Length).Select(_ => (float)((2 * random.NextDouble()) - 1)).ToArray();
        var hv = new float[p.Length];
        hessian.Multiply(v, hv);

        // (∇L(p + hv) − ∇L(p − hv)) / 2h in float64: error O(h²) away from the ReLU kinks, which a step this small does not cross.
        const double h = 1e-7;
        var up = new double[p.Length];
        var down = new double[p.Length];
        ReferenceMlp.LossAndGradient([.. p.Select((w, i) => w + (h * v[i]))], x, y, inputs, hidden, outputs, up);
        ReferenceMlp.LossAndGradient([.. p.Select((w, i) => w - (h * v[i]))], x, y, inputs, hidden, outputs, down);
        var expected = up.Select((u, i) => (u - down[i]) / (2 * h)).ToArray();
        var scale = expected.Max(Math.Abs);
        Assert.True(scale > 1e-3, "the product should not vanish");
        for (var i = 0; i < p.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - hv[i]) <= 2e-4 * scale, $"component {i}: {hv[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Product_is_symmetric()
    {
        const int inputs = 20, hidden = 7, outputs = 4, rows = 15;
        var (x, y) = TestData.Random(rows, inputs, outputs, 5);
        var mlp = new Mlp(inputs, hidden, outputs, rows);
        mlp.Initialize(new Random(5));
        var hessian = new MlpHessian(mlp, new Samples(x, y, inputs));
        hessian.Prepare();
        var random = new Random(6);
        var u = Enumerable.Range(0, hessian.Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var w = Enumerable.Range(0, hessian.Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var hu = new float[u.Length];
        var hw = new float[u.Length];
        hessian.Multiply(u, hu);
        hessian.Multiply(w, hw);
        var a = w.Zip(hu, (p, q) => (double)p * q).Sum();
        var b = u.Zip(hw, (p, q) => (double)p * q).Sum();
        Assert.Equal(a, b, Math.Max(Math.Abs(a), 1) * 1e-4);
    }

    [Fact]
    public void Sharpness_matches_the_top_eigenvalue_of_the_dense_hessian()
    {
        const int inputs = 8, hidden = 6, outputs = 3, rows = 10;
        var (x, y) = TestData.Random(rows, inputs, outputs, 7);
        var mlp = new Mlp(inputs, hidden, outputs, rows);
        mlp.Initialize(new Random(7));
        var hessian = new MlpHessian(mlp, new Samples(x, y, inputs));
        hessian.Prepare();
        var n = hessian.Dimension;
        var dense = new double[n, n];
        var e = new float[n];
        var column = new float[n];
        for (var j = 0; j < n; j++)
        {
            e[j] = 1;
            hessian.Multiply(e, column);
            e[j] = 0;
            for (var i = 0; i < n; i++)
            {
                dense[i, j] = column[i];
            }
        }

        var expected = TopEigenvalue(dense);
        var estimator = new SharpnessEstimator(hessian, new Random(1), maxIterations: 40, tolerance: 1e-6);
        var value = estimator.Measure();
        Assert.Equal(expected, value, Math.Abs(expected) * 1e-4);

        // Warm-started from that eigenvector, the next measurement of the same weights needs only a few products.
        var again = estimator.Measure();
        Assert.Equal(expected, again, Math.Abs(expected) * 1e-4);
        Assert.True(estimator.LastIterations <= 5, $"warm start took {estimator.LastIterations} products");
    }

    [Fact]
    public void Sharpness_on_mnist_is_stable_and_allocates_nothing()
    {
        var data = MlpTraining.First(TestData.Mnist.Train, 300);
        var mlp = new Mlp(784, 32, 10, 300);
        mlp.Initialize(new Random(0));
        var estimator = new SharpnessEstimator(new MlpHessian(mlp, data), new Random(0), maxIterations: 30, tolerance: 1e-5);
        var cold = estimator.Measure();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var warm = estimator.Measure();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.InRange(cold, 0.1, 100);
        Assert.Equal(cold, warm, cold * 1e-3);
    }

    [Fact]
    public void Tridiagonal_solver_finds_the_known_top_eigenvalue()
    {
        // The second-difference matrix tridiag(−1, 2, −1) of size n has eigenvalues 2 − 2cos(kπ/(n + 1)).
        const int n = 12;
        var solver = new TridiagonalEigen(n);
        var value = solver.Solve(Enumerable.Repeat(2.0, n).ToArray(), Enumerable.Repeat(-1.0, n).ToArray(), n);
        Assert.Equal(2 + (2 * Math.Cos(Math.PI / (n + 1))), value, 1e-12);
        var v = solver.Vector.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            // T·v = λ·v row by row.
            var tv = (2 * v[i]) - (i > 0 ? v[i - 1] : 0) - (i + 1 < n ? v[i + 1] : 0);
            Assert.Equal(value * v[i], tv, 1e-10);
        }
    }

    private static double TopEigenvalue(double[,] matrix)
    {
        // Shifted power iteration in float64: H + sI with s = ‖H‖_F makes the top eigenvalue the largest in size.
        var n = matrix.GetLength(0);
        var shift = Math.Sqrt(Enumerable.Range(0, n * n).Sum(k => matrix[k / n, k % n] * matrix[k / n, k % n]));
        var v = Enumerable.Range(0, n).Select(i => 1.0 + (0.01 * i)).ToArray();
        var lambda = 0.0;
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var w = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    w[i] += matrix[i, j] * v[j];
                }

                w[i] += shift * v[i];
            }

            var norm = Math.Sqrt(w.Sum(t => t * t));
            lambda = w.Zip(v, (a, b) => a * b).Sum() / v.Sum(t => t * t);
            v = [.. w.Select(t => t / norm)];
        }

        return lambda - shift;
    }
}
