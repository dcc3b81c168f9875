using BenchmarkDotNet.Attributes;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// The matrix products of one training step of the 784-128-10 MLP at batch 64 and 256 (GFLOP/s = 2·m·n·k /
/// time), the same shapes bench/peers/numpy_gemm.py times with NumPy's <c>@</c> (bench/gemm_vs_numpy.sh runs
/// both in one run; bench/peers/pytorch_mlp.py times the batch-64 ones with torch.mm).
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- --filter '*GemmBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _x = [];
    private readonly float[] _w1 = Fill(128 * 784, 2);
    private readonly float[] _b1 = Fill(128, 3);
    private float[] _h = [];
    private float[] _dz1 = [];
    private readonly float[] _w2 = Fill(10 * 128, 6);
    private float[] _dz2 = [];
    private readonly float[] _out = new float[256 * 784];

    /// <summary>Rows in the mini-batch.</summary>
    [Params(64, 256)]
    public int Batch { get; set; } = 64;

    [GlobalSetup]
    public void Setup()
    {
        _x = Fill(Batch * 784, 1);
        _h = Fill(Batch * 128, 4);
        _dz1 = Fill(Batch * 128, 5);
        _dz2 = Fill(Batch * 10, 7);
    }

    /// <summary>relu(X·W1ᵀ + b1), batch×128×784.</summary>
    [Benchmark]
    public void ForwardHidden() => Gemm.MultiplyTransposeB(_x, _w1, _out, Batch, 128, 784, _b1, relu: true);

    /// <summary>dW1 = dZ1ᵀ·X, 128×784×batch.</summary>
    [Benchmark]
    public void WeightGradient() => Gemm.MultiplyTransposeA(_dz1, _x, _out, 128, 784, Batch);

    /// <summary>H·W2ᵀ, batch×10×128.</summary>
    [Benchmark]
    public void ForwardOutput() => Gemm.MultiplyTransposeB(_h, _w2, _out, Batch, 10, 128);

    /// <summary>dH = dZ2·W2, batch×128×10.</summary>
    [Benchmark]
    public void HiddenGradient() => Gemm.Multiply(_dz2, _w2, _out, Batch, 128, 10);

    /// <summary>dW2 = dZ2ᵀ·H, 10×128×batch.</summary>
    [Benchmark]
    public void OutputWeightGradient() => Gemm.MultiplyTransposeA(_dz2, _h, _out, 10, 128, Batch);

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
