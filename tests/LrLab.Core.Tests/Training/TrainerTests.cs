using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

public class TrainerTests
{
    [Theory]
    [InlineData("sgd", 1)]
    [InlineData("adam", 1)]
    [InlineData("momentum", 2)]
    public void A_training_step_allocates_nothing(string optimizerName, int threads)
    {
        var data = TestData.Mnist;
        using var mlp = new Mlp(784, 128, 10, 64, threads);
        mlp.Initialize(new Random(0));
        var optimizer = OptimizerFactory.Create(optimizerName, new OptimizerOptions { Lr = 0.01 });
        var trainer = new Trainer(mlp, data.Train, optimizer, 64, new Random(0));
        for (var i = 0; i < 40; i++)
        {
            trainer.Step(0.01);
        }

        // Threads other than the caller's are not counted; with threads > 1 the caller still must not allocate.
        // A step that allocates does so in every window; the runtime itself (tiered JIT catching up on a
        // loaded machine) can allocate once on this thread, so one clean window out of three is the bar.
        var allocated = new List<long>();
        for (var window = 0; window < 3; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 150; i++)
            {
                trainer.Step(0.01); // crosses an epoch boundary (125 steps per epoch): reshuffling is free too
            }

            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            if (allocated[^1] == 0)
            {
                break;
            }
        }

        Assert.Equal(0, allocated.Min());
    }

    [Theory]
    [InlineData(128, 64)]
    [InlineData(128, 33)]
    [InlineData(12, 64)]
    public void Plain_sgd_fused_into_the_backward_pass_gives_the_same_bits_as_a_separate_step(int hidden, int batch)
    {
        var data = TestData.Mnist.Train;
        using var fused = new Mlp(784, hidden, 10, batch);
        using var separate = new Mlp(784, hidden, 10, batch);
        fused.Initialize(new Random(3));
        separate.Initialize(new Random(3));
        var sgd = new Sgd(new OptimizerOptions { Lr = 0.1 });
        var trainer = new Trainer(fused, data, sgd, batch, new Random(5));
        var state = sgd.Init<float>(separate.Parameters.Length);

        // The trainer's batches, replayed on the second network with ForwardBackward and then Sgd.Step.
        var inputs = new float[batch * 784];
        var labels = new byte[batch];
        for (var step = 0; step < 20; step++)
        {
            var lr = 0.1 - (step * 0.003);
            var loss = trainer.Step(lr);
            var rows = ReplayBatch(data, batch, step, inputs, labels);
            var expected = separate.ForwardBackward(inputs.AsSpan(0, rows * 784), labels.AsSpan(0, rows));
            sgd.Step<float>(separate.Parameters, separate.Gradients, state, lr);
            Assert.Equal(expected, loss);
            Assert.Equal(separate.Parameters, fused.Parameters);
            Assert.Equal(separate.Gradients, fused.Gradients);
        }

        Assert.Equal(20, trainer.State.StepCount);
    }

    /// <summary>The rows a trainer seeded with 5 uses at <paramref name="step"/> (its shuffling key is that Random's first draw).</summary>
    private static int ReplayBatch(Samples data, int batch, int step, float[] inputs, byte[] labels)
    {
        var order = new int[data.Count];
        var perEpoch = (data.Count + batch - 1) / batch;
        BatchOrder.Shuffle(order, ShuffleKey(5), step / perEpoch);
        var start = step % perEpoch * batch;
        var rows = Math.Min(batch, data.Count - start);
        for (var r = 0; r < rows; r++)
        {
            data.Inputs.AsSpan(order[start + r] * 784, 784).CopyTo(inputs.AsSpan(r * 784));
            labels[r] = data.Labels[order[start + r]];
        }

        return rows;
    }

    private static ulong ShuffleKey(int seed) => (ulong)new Random(seed).NextInt64();

    [Fact]
    public void Same_seed_same_run_different_seed_different_run()
    {
        var options = new TrainingOptions { Optimizer = new Sgd(new OptimizerOptions { Lr = 0.1 }), Hidden = 16, Steps = 30, Seed = 7 };
        var a = MlpTraining.Run(TestData.Mnist, options);
        var b = MlpTraining.Run(TestData.Mnist, options with { Threads = 2 });
        var c = MlpTraining.Run(TestData.Mnist, options with { Seed = 8 });
        Assert.Equal(a.Losses, b.Losses);
        Assert.Equal(a.TestAccuracy, b.TestAccuracy);
        Assert.NotEqual(a.Losses, c.Losses);
    }

    [Fact]
    public void Restore_brings_back_weights_optimizer_state_and_data_order()
    {
        var data = TestData.Mnist;
        using var mlp = new Mlp(784, 16, 10, 32);
        mlp.Initialize(new Random(1));
        var trainer = new Trainer(mlp, data.Train, new Adam(new OptimizerOptions { Lr = 0.001 }), 32, new Random(1));
        for (var i = 0; i < 240; i++)
        {
            trainer.Step(0.001); // into the second epoch (250 steps per epoch)
        }

        var snapshot = trainer.Snapshot();
        var expected = Enumerable.Range(0, 20).Select(_ => trainer.Step(0.001)).ToArray();
        var weightsAfter = (float[])mlp.Parameters.Clone();

        // A wild excursion (what an LR range test does), then restore: the run continues identically.
        for (var i = 0; i < 30; i++)
        {
            trainer.Step(10);
        }

        trainer.Restore(snapshot);
        Assert.Equal(snapshot.Parameters, mlp.Parameters);
        Assert.Equal(240, trainer.Steps);
        Assert.Equal(snapshot.OptimizerState.StepCount, trainer.State.StepCount);
        var again = Enumerable.Range(0, 20).Select(_ => trainer.Step(0.001)).ToArray();
        Assert.Equal(expected, again);
        Assert.Equal(weightsAfter, mlp.Parameters);
    }

    [Fact]
    public void Epochs_visit_every_example_once_in_a_new_order()
    {
        var first = new int[1000];
        var second = new int[1000];
        BatchOrder.Shuffle(first, 42, 0);
        BatchOrder.Shuffle(second, 42, 1);
        Assert.Equal(Enumerable.Range(0, 1000), first.Order());
        Assert.Equal(Enumerable.Range(0, 1000), second.Order());
        Assert.NotEqual(first, second);
        Assert.InRange(first.Take(10).Count(i => i < 10), 0, 3);
    }

    [Fact]
    public void Sgd_at_0_1_batch_64_one_epoch_reaches_85_percent()
    {
        var result = MlpTraining.Run(TestData.Mnist, new TrainingOptions { Optimizer = new Sgd(new OptimizerOptions { Lr = 0.1 }) });
        Assert.Equal(125, result.Steps);
        Assert.Equal(1.0, result.Epochs);
        Assert.InRange(result.TestAccuracy, 0.85, 1.0);
        Assert.True(result.Losses[^10..].Average() < result.Losses[..10].Average() / 3);
        Assert.False(result.Diverged);
        Assert.True(result.SamplesPerSecond > 0);
    }

    [Fact]
    public void A_schedule_sets_the_rate_of_every_step()
    {
        var schedule = ScheduleSpec.Parse("StepLR(step_size=10, gamma=0.5)").Schedule!;
        var result = MlpTraining.Run(TestData.Mnist, new TrainingOptions { Optimizer = new Sgd(new OptimizerOptions { Lr = 0.2 }), Hidden = 8, Steps = 25, Schedule = schedule });
        Assert.Equal([.. Enumerable.Repeat(0.2, 10), .. Enumerable.Repeat(0.1, 10), .. Enumerable.Repeat(0.05, 5)], result.Lrs);
        Assert.Equal("StepLR(step_size=10, gamma=0.5)", result.Schedule);
    }

    [Fact]
    public void An_overflowing_run_is_reported_as_diverged_and_stops()
    {
        // Adam's steps are about lr long whatever the gradient, so weights of 1e30 overflow the logits.
        var result = MlpTraining.Run(TestData.Mnist, new TrainingOptions { Optimizer = new Adam(new OptimizerOptions { Lr = 1e30 }), Hidden = 16, Steps = 100 });
        Assert.True(result.Diverged);
        Assert.True(result.Steps < 100);
        Assert.False(float.IsFinite(result.Losses[^1]));
    }

    [Theory]
    [InlineData(0, 64, "hidden")]
    [InlineData(16, 0, "batch_size")]
    public void Bad_options_are_input_errors(int hidden, int batch, string message)
    {
        var e = Assert.Throws<InputException>(() => MlpTraining.Run(TestData.Mnist, new TrainingOptions { Optimizer = new Sgd(new OptimizerOptions { Lr = 0.1 }), Hidden = hidden, BatchSize = batch }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
