using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

/// <summary>The seam the browser's WebAssembly kernels plug into: every product of a step goes through it.</summary>
public class MatrixKernelsTests
{
    [Fact]
    public void A_network_given_kernels_runs_every_product_of_a_step_and_of_a_hessian_product_on_them()
    {
        var data = TestData.Mnist;
        var recorder = new RecordingKernels();
        using var model = new Mlp(784, 32, 10, 16, kernels: recorder);
        model.Initialize(new Random(1));
        Assert.Same(recorder, model.Kernels);
        var trainer = new Trainer(model, data.Train, new Sgd(new OptimizerOptions { Lr = 0.1 }), 16, new Random(1));
        trainer.Step(0.1);
        Assert.Equal(["A·Bᵀ 16×32×784 bias relu", "A·Bᵀ 16×10×32 bias", "Aᵀ·B 10×32×16", "A·B 16×32×10", "Aᵀ·B 32×784×16"], recorder.Calls);

        recorder.Calls.Clear();
        var hessian = new MlpHessian(model, MlpTraining.First(data.Train, 8));
        hessian.Prepare();
        hessian.Multiply(new float[hessian.Dimension], new float[hessian.Dimension]);
        Assert.True(recorder.Calls.Count >= 10, string.Join("; ", recorder.Calls));
        Assert.All(recorder.Calls, call => Assert.True(call.Contains(" 8×", StringComparison.Ordinal) || call.EndsWith("×8", StringComparison.Ordinal), call)); // over the 8 rows
    }

    [Fact]
    public void Training_through_the_options_and_the_range_test_use_the_given_kernels_and_give_the_same_bits()
    {
        var data = TestData.Mnist;
        var recorder = new RecordingKernels();
        TrainingResult Train(IMatrixKernels? kernels) => MlpTraining.Run(data, new TrainingOptions
        {
            Optimizer = new Sgd(new OptimizerOptions { Lr = 0.1 }),
            Hidden = 24,
            BatchSize = 32,
            Steps = 6,
            Seed = 4,
            Kernels = kernels,
        });

        var managed = Train(null);
        var recorded = Train(recorder);
        Assert.Equal(6, recorder.Calls.Count(call => call == "Aᵀ·B 24×784×32")); // one weight gradient per step (the evaluation adds forward passes)
        Assert.Equal(managed.Losses, recorded.Losses);

        recorder.Calls.Clear();
        using var target = MlpRangeTestTarget.Create(data, new Sgd(new OptimizerOptions()), hidden: 24, batchSize: 32, seed: 4, kernels: recorder);
        target.TrainStep(0.01);
        Assert.Equal(5, recorder.Calls.Count);
    }

    [Fact]
    public void The_managed_kernels_are_the_default_and_keep_the_thread_partition()
    {
        using var model = new Mlp(784, 16, 10, 8, threads: 2, kernels: ManagedMatrixKernels.Instance);
        Assert.Same(ManagedMatrixKernels.Instance, model.Kernels);
        Assert.Equal(2, model.Threads);
        using var plain = new Mlp(784, 16, 10, 8);
        Assert.Same(ManagedMatrixKernels.Instance, plain.Kernels);
    }

    /// <summary>The managed products, with a line per call naming the product and its shape.</summary>
    private sealed class RecordingKernels : IMatrixKernels
    {
        public List<string> Calls { get; } = [];

        public void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
        {
            Calls.Add($"A·B {m}×{n}×{k}");
            ManagedMatrixKernels.Instance.Multiply(a, b, c, m, n, k);
        }

        public void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
        {
            Calls.Add($"Aᵀ·B {m}×{n}×{k}");
            ManagedMatrixKernels.Instance.MultiplyTransposeA(a, b, c, m, n, k);
        }

        public void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, bool relu)
        {
            Calls.Add($"A·Bᵀ {m}×{n}×{k}{(bias.IsEmpty ? string.Empty : " bias")}{(relu ? " relu" : string.Empty)}");
            ManagedMatrixKernels.Instance.MultiplyTransposeB(a, b, c, m, n, k, bias, relu);
        }
    }
}
