using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

public class SanityChecksTests
{
    [Fact]
    public void Untrained_network_scores_about_ln_10_on_the_real_digits()
    {
        using var model = new Mlp(784, 128, 10, 256);
        model.Initialize(new Random(0));
        var loss = SanityChecks.MeanLoss(model, SanityChecks.FirstBatch(TestData.Mnist.Train, 2000));
        Assert.Equal(Math.Log(10), SanityChecks.ChanceLoss(10), 15);
        Assert.InRange(loss, 2.25, 2.35);
    }

    [Fact]
    public void One_batch_of_32_digits_is_memorised_by_sgd_at_0_1()
    {
        var batch = SanityChecks.FirstBatch(TestData.Mnist.Train, 32);
        using var model = new Mlp(784, 128, 10, 32);
        model.Initialize(new Random(0));
        var trainer = new Trainer(model, batch, new Sgd(new OptimizerOptions { Lr = 0.1 }), 32, new Random(0));
        for (var i = 0; i < 200; i++)
        {
            trainer.Step(0.1);
        }

        var (accuracy, loss) = trainer.Evaluate(batch);
        Assert.Equal(1.0, accuracy);
        Assert.True(loss < 0.05, $"loss {loss}");
    }

    [Theory]
    [InlineData(0.001, 3e-5, 3e-4)]
    [InlineData(0.01, 3e-4, 3e-3)]
    [InlineData(0.1, 3e-3, 3e-2)]
    public void Update_ratios_grow_with_the_rate_around_1e_3_at_0_01(double lr, double low, double high)
    {
        using var model = new Mlp(784, 128, 10, 64);
        model.Initialize(new Random(0));
        var trainer = new Trainer(model, TestData.Mnist.Train, new Sgd(new OptimizerOptions { Lr = lr }), 64, new Random(0));
        var before = new float[model.Parameters.Length];
        var fc1 = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            model.Parameters.CopyTo(before, 0);
            trainer.Step(lr);
            var ratios = SanityChecks.UpdateRatios(model, before);
            Assert.Equal(["fc1", "fc2"], ratios.Select(r => r.Layer));
            fc1.Add(ratios[0].Ratio);
        }

        fc1.Sort();
        Assert.InRange(fc1[10], low, high);
    }
}
