using BenchmarkDotNet.Attributes;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// The matrix products of one training step at batch 64 (GFLOP/s = 2·m·n·k / time), the same shapes
/// bench/peers/pytorch_mlp.py times with torch.mm.
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- --filter '*GemmBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private readonly float[] _x = Fill(64 * 784, 1);
    private readonly float[] _w1 = Fill(128 * 784, 2);
    private readonly float[] _b1 = Fill(128, 3);
    private readonly float[] _h = Fill(64 * 128, 4);
    private readonly float[] _dz1 = Fill(64 * 128, 5);
    private readonly float[] _w2 = Fill(10 * 128, 6);
    private readonly float[] _dz2 = Fill(64 * 10, 7);
    private readonly float[] _out = new float[128 * 784];

    /// <summary>relu(X·W1ᵀ + b1), 64×128×784.</summary>
    [Benchmark]
    public void ForwardHidden() => Gemm.MultiplyTransposeB(_x, _w1, _out, 64, 128, 784, _b1, relu: true);

    /// <summary>dW1 = dZ1ᵀ·X, 128×784×64.</summary>
    [Benchmark]
    public void WeightGradient() => Gemm.MultiplyTransposeA(_dz1, _x, _out, 128, 784, 64);

    /// <summary>H·W2ᵀ, 64×10×128.</summary>
    [Benchmark]
    public void ForwardOutput() => Gemm.MultiplyTransposeB(_h, _w2, _out, 64, 10, 128);

    /// <summary>dH = dZ2·W2, 64×128×10.</summary>
    [Benchmark]
    public void HiddenGradient() => Gemm.Multiply(_dz2, _w2, _out, 64, 128, 10);

    internal static float[] Fill(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.NextSingle() - 0.5f;
        }

        return values;
    }
}
