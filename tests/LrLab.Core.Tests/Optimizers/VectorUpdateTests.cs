using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

/// <summary>
/// The optimizers update long parameter arrays in SIMD vectors and the leftover elements one by one; the
/// golden fixtures (two to four parameters) only reach the one-by-one loop. Every update is element-wise, so
/// stepping each parameter alone (an array of one, its own state) must give the same bits as stepping the
/// whole array: this checks the vector arithmetic against the scalar arithmetic the goldens pin to PyTorch.
/// </summary>
public sealed class VectorUpdateTests
{
    public static TheoryData<string, OptimizerOptions> Cases() => new()
    {
        { "sgd", new OptimizerOptions { Lr = 0.1 } },
        { "adam", new OptimizerOptions { Lr = 0.01 } },
        { "adam", new OptimizerOptions { Lr = 0.01, WeightDecay = 0.1, Amsgrad = true, Maximize = true, Beta1 = 0.8 } },
        { "adamw", new OptimizerOptions { Lr = 0.01 } },
        { "adamw", new OptimizerOptions { Lr = 0.01, WeightDecay = 0.3, Amsgrad = true } },
        { "rmsprop", new OptimizerOptions { Lr = 0.01 } },
        { "rmsprop", new OptimizerOptions { Lr = 0.01, Centered = true, Momentum = 0.9, WeightDecay = 0.05 } },
        { "rmsprop", new OptimizerOptions { Lr = 0.01, Centered = true, Maximize = true } },
        { "rmsprop", new OptimizerOptions { Lr = 0.01, Momentum = 0.5 } },
        { "adagrad", new OptimizerOptions { Lr = 0.1 } },
        { "adagrad", new OptimizerOptions { Lr = 0.1, LrDecay = 0.01, WeightDecay = 0.1, InitialAccumulatorValue = 0.5, Maximize = true } },
        { "nadam", new OptimizerOptions { Lr = 0.01 } },
        { "nadam", new OptimizerOptions { Lr = 0.01, WeightDecay = 0.1, MomentumDecay = 0.01 } },
        { "radam", new OptimizerOptions { Lr = 0.01 } },
        { "radam", new OptimizerOptions { Lr = 0.01, WeightDecay = 0.1, Beta2 = 0.9 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Whole_arrays_update_bit_for_bit_like_single_elements_in_float32(string name, OptimizerOptions options) =>
        Compare(name, options, (random) => (random.NextSingle() * 2) - 1);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Whole_arrays_update_bit_for_bit_like_single_elements_in_float64(string name, OptimizerOptions options) =>
        Compare(name, options, (random) => (random.NextDouble() * 2) - 1);

    private static void Compare<T>(string name, OptimizerOptions options, Func<Random, T> draw)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        // 67 = four 16-float vectors (eight 8-double ones) and a tail of three.
        const int Size = 67;
        var random = new Random(name.Length + (int)(options.Lr * 1000));
        var optimizer = OptimizerFactory.Create(name, options);
        var whole = Enumerable.Range(0, Size).Select(_ => draw(random)).ToArray();
        var single = (T[])whole.Clone();
        var wholeState = optimizer.Init<T>(Size);
        var singleStates = Enumerable.Range(0, Size).Select(_ => optimizer.Init<T>(1)).ToArray();
        var gradient = new T[Size];
        for (var step = 0; step < 12; step++)
        {
            for (var i = 0; i < Size; i++)
            {
                // Zeros too, so an accumulator can stay at zero (RMSprop's and Adam's square root of 0).
                gradient[i] = i % 11 == 0 && step % 2 == 0 ? T.Zero : draw(random);
            }

            var lr = options.Lr * (1 + (step * 0.1));
            optimizer.Step<T>(whole, gradient, wholeState, lr);
            for (var i = 0; i < Size; i++)
            {
                optimizer.Step<T>(single.AsSpan(i, 1), gradient.AsSpan(i, 1), singleStates[i], lr);
            }

            for (var i = 0; i < Size; i++)
            {
                Assert.True(whole[i].Equals(single[i]), $"{name} step {step + 1} parameter {i}: {whole[i]} in the array, {single[i]} alone");
            }
        }

        foreach (var buffer in wholeState.BufferNames)
        {
            var values = wholeState.Buffer(buffer).ToArray();
            for (var i = 0; i < Size; i++)
            {
                Assert.True(values[i].Equals(singleStates[i].Buffer(buffer)[0]), $"{name} {buffer}[{i}]");
            }
        }
    }
}
