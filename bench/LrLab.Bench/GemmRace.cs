using System.Diagnostics;
using System.Globalization;
using System.Text;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// `gemm-race [rounds]`: our side of bench/gemm_vs_numpy.sh. Every matrix product of one training step of the
/// 784-128-10 MLP at batch 64 and 256, timed exactly like bench/peers/numpy_gemm.py times NumPy's <c>@</c>: the
/// mean of a block of calls sized to about a millisecond, the best of <c>rounds</c> blocks (the best block is
/// the one other jobs on the machine disturbed least). Prints one JSON object.
/// </summary>
internal static class GemmRace
{
    /// <summary>The products (name, m, n, k): the same list as bench/peers/numpy_gemm.py.</summary>
    public static readonly (string Name, string Product)[] Shapes =
    [
        ("forward X·W1ᵀ + b1, ReLU", "relu(X W1^T + b1)"),
        ("weight grad dZ1ᵀ·X", "dZ1^T X"),
        ("forward H·W2ᵀ + b2", "H W2^T + b2"),
        ("input grad dZ2·W2", "dZ2 W2"),
        ("weight grad dZ2ᵀ·H", "dZ2^T H"),
    ];

    public static void Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var json = new StringBuilder("{\"side\": \"ours\", \"simd\": ").Append(Gemm.BestWidth).Append(", \"gemm\": [");
        var first = true;
        foreach (var batch in new[] { 64, 256 })
        {
            var x = GemmBenchmarks.Fill(batch * 784, 1);
            var w1 = GemmBenchmarks.Fill(128 * 784, 2);
            var b1 = GemmBenchmarks.Fill(128, 3);
            var h = GemmBenchmarks.Fill(batch * 128, 4);
            var dz1 = GemmBenchmarks.Fill(batch * 128, 5);
            var w2 = GemmBenchmarks.Fill(10 * 128, 6);
            var b2 = GemmBenchmarks.Fill(10, 8);
            var dz2 = GemmBenchmarks.Fill(batch * 10, 7);
            var outHidden = new float[batch * 128];
            var outLogits = new float[batch * 10];
            var gw1 = new float[128 * 784];
            var gw2 = new float[10 * 128];
            var cases = new (int M, int N, int K, Action Product)[]
            {
                (batch, 128, 784, () => Gemm.MultiplyTransposeB(x, w1, outHidden, batch, 128, 784, b1, relu: true)),
                (128, 784, batch, () => Gemm.MultiplyTransposeA(dz1, x, gw1, 128, 784, batch)),
                (batch, 10, 128, () => Gemm.MultiplyTransposeB(h, w2, outLogits, batch, 10, 128, b2)),
                (batch, 128, 10, () => Gemm.Multiply(dz2, w2, outHidden, batch, 128, 10)),
                (10, 128, batch, () => Gemm.MultiplyTransposeA(dz2, h, gw2, 10, 128, batch)),
            };
            for (var s = 0; s < cases.Length; s++)
            {
                var (m, n, k, product) = cases[s];
                var seconds = BestMean(product, 2.0 * m * n * k, rounds);
                json.Append(first ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{{\"name\": \"{Shapes[s].Name}\", \"batch\": {batch}, \"m\": {m}, \"n\": {n}, \"k\": {k}, \"gflops\": {2.0 * m * n * k / seconds / 1e9:F1}}}");
                first = false;
            }
        }

        Console.WriteLine(json.Append("]}"));
    }

    /// <summary>Seconds per call: calls in blocks of about a millisecond (assuming 50 GFLOP/s), the best block's mean.</summary>
    private static double BestMean(Action product, double flops, int rounds)
    {
        var reps = Math.Max(1, (int)(1e-3 / (flops / 50e9)));
        for (var i = 0; i < 3 * reps; i++)
        {
            product();
        }

        var best = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < reps; i++)
            {
                product();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / reps);
        }

        return best;
    }
}
