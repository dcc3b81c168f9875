using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;

namespace LrLab.Core.Training;

/// <summary>What <see cref="MlpTraining.Run"/> trains and for how long. The base rate is the optimizer's <c>lr</c>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Default hidden units.</summary>
    public const int DefaultHidden = 128;

    /// <summary>Default mini-batch size.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>Largest accepted hidden layer.</summary>
    public const int MaxHidden = 4096;

    /// <summary>Largest accepted batch.</summary>
    public const int MaxBatchSize = 8192;

    /// <summary>The optimizer (with its learning rate).</summary>
    public required IOptimizer Optimizer { get; init; }

    /// <summary>Hidden units of the 784-H-10 network.</summary>
    public int Hidden { get; init; } = DefaultHidden;

    /// <summary>Closed-form schedule applied per mini-batch (PyTorch's <c>scheduler.step()</c> after each step), if any.</summary>
    public ILrSchedule? Schedule { get; init; }

    /// <summary>ReduceLROnPlateau, fed the mini-batch loss after every step, if that is the schedule.</summary>
    public IMetricSchedule? MetricSchedule { get; init; }

    /// <summary>Number of passes over the training set, used when <see cref="Steps"/> is not set. Default 1.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Exact number of mini-batches; overrides <see cref="Epochs"/>.</summary>
    public int? Steps { get; init; }

    /// <summary>Examples per mini-batch.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Seed of the weight initialisation and the shuffling.</summary>
    public int Seed { get; init; }

    /// <summary>Threads each large matrix product is split over (the managed kernels only).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The matrix products the network runs on; null = <see cref="ManagedMatrixKernels"/>. Any implementation gives the same bits.</summary>
    public IMatrixKernels? Kernels { get; init; }

    /// <summary>Train on only the first this many training examples (with <see cref="BatchSize"/> equal to it: full-batch gradient descent); null = all.</summary>
    public int? TrainSamples { get; init; }

    /// <summary>Measure the sharpness of the mean loss over the training examples every this many updates (and at the start); null = never.</summary>
    public int? SharpnessEvery { get; init; }

    /// <summary>Largest number of Hessian-vector products per sharpness measurement.</summary>
    public int SharpnessIterations { get; init; } = SharpnessEstimator.DefaultMaxIterations;

    /// <summary>Stop at the first non-finite loss (the run has diverged; further steps only spread NaN). Default true.</summary>
    public bool StopOnDivergence { get; init; } = true;
}
