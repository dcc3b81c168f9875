using System.Diagnostics;

namespace LrLab.Core.Training;

/// <summary>
/// A whole training run: build the 784-H-10 network with PyTorch's initialisation from the seed, train
/// it for the requested epochs or steps with the optimizer and schedule, then measure the test set.
/// </summary>
public static class MlpTraining
{
    /// <summary>Steps a run may take at most.</summary>
    public const int MaxSteps = 10_000_000;

    /// <summary>
    /// Runs the training. <paramref name="progress"/>, if given, is called after every step (keep it cheap).
    /// Throws <see cref="InputException"/> for out-of-range options and <see cref="OperationCanceledException"/>
    /// when cancelled.
    /// </summary>
    public static TrainingResult Run(Dataset data, TrainingOptions options, Action<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var random = new Random(options.Seed);
        var train = First(data.Train, options.TrainSamples);
        using var model = new Mlp(data.Features, options.Hidden, data.Classes, options.BatchSize, options.Threads, options.Kernels);
        model.Initialize(random);
        var trainer = new Trainer(model, train, options.Optimizer, options.BatchSize, random);
        var total = options.Steps ?? checked(options.Epochs * trainer.StepsPerEpoch);
        if (total > MaxSteps)
        {
            throw new InputException($"{total} steps is more than the limit of {MaxSteps}");
        }

        // Its own seeded stream, so asking for the sharpness leaves the weights and batches of the run unchanged.
        var monitor = new TrainingMonitor(
            model,
            options.SharpnessEvery ?? TrainingMonitor.DefaultRatioEvery,
            options.SharpnessEvery is null ? null : train,
            options.SharpnessIterations,
            new Random(options.Seed),
            total);

        var losses = new float[total];
        var lrs = new double[total];
        var baseLr = options.Optimizer.Options.Lr;
        var plateau = options.MetricSchedule?.Begin(baseLr) ?? default;
        long samples = 0;
        var taken = 0;
        var diverged = false;
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < total; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var lr = options.MetricSchedule is not null ? plateau.Lr : options.Schedule?.At(step, baseLr) ?? baseLr;
            samples += trainer.NextBatchRows;
            clock.Stop();
            monitor.BeforeUpdate(step + 1);
            clock.Start();
            var loss = trainer.Step(lr);
            clock.Stop();
            monitor.AfterUpdate(step + 1);
            clock.Start();
            losses[step] = loss;
            lrs[step] = lr;
            if (options.MetricSchedule is { } metric)
            {
                plateau = metric.Next(plateau, loss);
            }

            taken++;
            progress?.Invoke(new TrainingProgress(taken, total, loss));
            if (!float.IsFinite(loss) && options.StopOnDivergence)
            {
                diverged = true;
                break;
            }
        }

        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        var (accuracy, testLoss) = trainer.Evaluate(data.Test);
        var tail = Math.Max(1, taken / 10);
        var finalLoss = taken == 0 ? double.NaN : losses.AsSpan(taken - tail, tail).ToArray().Average(v => (double)v);
        return new TrainingResult(
            $"mlp {data.Features}-{options.Hidden}-{data.Classes}",
            data.Name,
            options.Optimizer.Name,
            baseLr,
            options.Schedule?.ToSpec() ?? options.MetricSchedule?.ToSpec(),
            options.BatchSize,
            options.Seed,
            options.Threads,
            taken,
            taken / (double)trainer.StepsPerEpoch,
            losses[..taken],
            lrs[..taken],
            finalLoss,
            testLoss,
            accuracy,
            diverged || !double.IsFinite(testLoss),
            seconds > 0 ? samples / seconds : 0,
            seconds,
            train.Count,
            monitor.Sharpness,
            monitor.UpdateRatios,
            monitor.MeasuringTime.TotalSeconds,
            monitor.Products)
        {
            Weights = (float[])model.Parameters.Clone(),
            Hidden = options.Hidden,
        };
    }

    /// <summary>The first <paramref name="count"/> examples of <paramref name="samples"/> (all when null).</summary>
    public static Samples First(Samples samples, int? count)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (count is not { } n || n == samples.Count)
        {
            return samples;
        }

        if (n < 1 || n > samples.Count)
        {
            throw new InputException($"train samples must be between 1 and {samples.Count}, got {n}");
        }

        return new Samples(samples.Inputs[..(n * samples.Features)], samples.Labels[..n], samples.Features);
    }

    private static void Validate(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Optimizer);
        if (options.Hidden is < 1 or > TrainingOptions.MaxHidden)
        {
            throw InputException.For("hidden", $"must be between 1 and {TrainingOptions.MaxHidden}, got {options.Hidden}");
        }

        if (options.BatchSize is < 1 or > TrainingOptions.MaxBatchSize)
        {
            throw InputException.For("batch_size", $"must be between 1 and {TrainingOptions.MaxBatchSize}, got {options.BatchSize}");
        }

        if (options.Steps is < 1 || (options.Steps is null && options.Epochs < 1))
        {
            throw new InputException("training needs at least one step or epoch");
        }

        if (options.SharpnessEvery is < 1)
        {
            throw new InputException($"sharpness-every must be at least 1, got {options.SharpnessEvery}");
        }

        if (options.SharpnessIterations is < 1 or > SharpnessEstimator.IterationLimit)
        {
            throw new InputException($"sharpness iterations must be between 1 and {SharpnessEstimator.IterationLimit}, got {options.SharpnessIterations}");
        }

        if (options.Threads is < 1 or > 64)
        {
            throw InputException.For("threads", $"must be between 1 and 64, got {options.Threads}");
        }
    }
}
