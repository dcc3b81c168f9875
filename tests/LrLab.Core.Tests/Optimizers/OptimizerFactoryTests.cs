using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

public sealed class OptimizerFactoryTests
{
    [Fact]
    public void Names_are_the_documented_set_in_order() =>
        Assert.Equal(["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad", "nadam", "radam"], OptimizerFactory.Names);

    [Theory]
    [InlineData("sgd", typeof(Sgd))]
    [InlineData("Momentum", typeof(Sgd))]
    [InlineData("NESTEROV", typeof(Sgd))]
    [InlineData("Adam", typeof(Adam))]
    [InlineData("adamW", typeof(AdamW))]
    [InlineData("RMSprop", typeof(RmsProp))]
    [InlineData("adagrad", typeof(Adagrad))]
    [InlineData("NAdam", typeof(NAdam))]
    [InlineData("RAdam", typeof(RAdam))]
    public void Create_is_case_insensitive_and_reports_the_lower_case_name(string name, Type type)
    {
        var optimizer = OptimizerFactory.Create(name, new OptimizerOptions());
        Assert.IsType(type, optimizer);
        Assert.Equal(name.ToLowerInvariant(), optimizer.Name);
    }

    [Fact]
    public void Momentum_presets_default_to_0_9_but_respect_an_explicit_momentum()
    {
        Assert.Equal(0.9, OptimizerFactory.Create("momentum", new OptimizerOptions()).Options.Momentum);
        var nesterov = OptimizerFactory.Create("nesterov", new OptimizerOptions());
        Assert.Equal(0.9, nesterov.Options.Momentum);
        Assert.True(nesterov.Options.Nesterov);
        Assert.Equal(0.5, OptimizerFactory.Create("momentum", new OptimizerOptions { Momentum = 0.5 }).Options.Momentum);
        Assert.Equal(0.0, OptimizerFactory.Create("sgd", new OptimizerOptions()).Options.Momentum);
    }

    [Fact]
    public void Options_are_resolved_to_PyTorch_defaults()
    {
        var adam = OptimizerFactory.Create("adam", new OptimizerOptions()).Options;
        Assert.Equal((0.9, 0.999, 1e-8, 0.0), (adam.Beta1, adam.Beta2, adam.Eps, adam.WeightDecay));
        Assert.Equal(1e-2, OptimizerFactory.Create("adamw", new OptimizerOptions()).Options.WeightDecay);
        Assert.Equal(1e-10, OptimizerFactory.Create("adagrad", new OptimizerOptions()).Options.Eps);
        Assert.Equal(0.99, OptimizerFactory.Create("rmsprop", new OptimizerOptions()).Options.Alpha);
        Assert.Equal(4e-3, OptimizerFactory.Create("nadam", new OptimizerOptions()).Options.MomentumDecay);
    }

    [Fact]
    public void Unknown_name_lists_the_valid_names_on_one_line()
    {
        var error = Assert.Throws<InputException>(() => OptimizerFactory.Create("adamax", new OptimizerOptions()));
        Assert.StartsWith("unknown optimizer: 'adamax'", error.Message, StringComparison.Ordinal);
        Assert.All(OptimizerFactory.Names, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Throws<InputException>(() => OptimizerFactory.Info("adamax"));
    }

    [Theory]
    [InlineData("sgd", 0.01, 0.1, 0.01)]
    [InlineData("momentum", 0.001, 0.1, 0.01)]
    [InlineData("rmsprop", 0.0001, 0.01, 0.001)]
    [InlineData("adam", 0.00001, 0.001, 0.001)]
    public void Typical_ranges_are_the_SPEC_values(string name, double min, double max, double lr)
    {
        var info = OptimizerFactory.Info(name.ToUpperInvariant());
        Assert.Equal((min, max, lr), (info.TypicalLrMin, info.TypicalLrMax, info.DefaultLr));
    }

    [Fact]
    public void Every_default_lr_lies_in_its_typical_range()
    {
        Assert.Equal(OptimizerFactory.Names, OptimizerFactory.All.Select(i => i.Name));
        Assert.All(OptimizerFactory.All, info =>
        {
            Assert.InRange(info.DefaultLr, info.TypicalLrMin, info.TypicalLrMax);
            Assert.StartsWith("torch.optim.", info.PyTorchEquivalent, StringComparison.Ordinal);
        });
    }
}
