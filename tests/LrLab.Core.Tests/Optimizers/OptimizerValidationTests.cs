using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

public sealed class OptimizerValidationTests
{
    [Theory]
    [InlineData("sgd", "lr", -0.1, "invalid lr: -0.1 (must be >= 0)")]
    [InlineData("sgd", "momentum", -0.5, "invalid momentum: -0.5 (must be >= 0)")]
    [InlineData("momentum", "weight_decay", -1, "invalid weight_decay: -1 (must be >= 0)")]
    [InlineData("adam", "beta1", 1.0, "invalid betas[0]: 1 (must be in [0, 1))")]
    [InlineData("adamw", "beta2", -0.1, "invalid betas[1]: -0.1 (must be in [0, 1))")]
    [InlineData("adam", "eps", -1e-8, "invalid eps: -1E-08 (must be >= 0)")]
    [InlineData("adamw", "weight_decay", -0.01, "invalid weight_decay: -0.01 (must be >= 0)")]
    [InlineData("rmsprop", "alpha", -0.9, "invalid alpha: -0.9 (must be >= 0)")]
    [InlineData("rmsprop", "momentum", -0.9, "invalid momentum: -0.9 (must be >= 0)")]
    [InlineData("adagrad", "lr_decay", -1, "invalid lr_decay: -1 (must be >= 0)")]
    [InlineData("adagrad", "initial_accumulator_value", -1, "invalid initial_accumulator_value: -1 (must be >= 0)")]
    [InlineData("nadam", "momentum_decay", -0.004, "invalid momentum_decay: -0.004 (must be >= 0)")]
    [InlineData("radam", "beta1", 1.5, "invalid betas[0]: 1.5 (must be in [0, 1))")]
    [InlineData("radam", "lr", double.NaN, "invalid lr: NaN (must be >= 0)")]
    public void Bad_hyperparameter_names_the_PyTorch_parameter(string optimizer, string name, double value, string message)
    {
        var options = PyTorchHyperparameters.With(new OptimizerOptions(), name, value);
        var error = Assert.Throws<InputException>(() => OptimizerFactory.Create(optimizer, options));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.1)]
    public void Nesterov_needs_momentum_and_no_dampening(double momentum, double dampening)
    {
        var options = new OptimizerOptions { Momentum = momentum, Dampening = dampening, Nesterov = true };
        var error = Assert.Throws<InputException>(() => OptimizerFactory.Create("sgd", options));
        Assert.StartsWith("invalid nesterov: requires momentum > 0 and dampening 0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Nesterov_preset_with_explicit_zero_momentum_is_rejected() =>
        Assert.Throws<InputException>(() => OptimizerFactory.Create("nesterov", new OptimizerOptions { Momentum = 0 }));

    [Theory]
    [InlineData("nadam")]
    [InlineData("radam")]
    public void Maximize_is_rejected_where_PyTorch_1_13_lacks_it(string optimizer)
    {
        var error = Assert.Throws<InputException>(() => OptimizerFactory.Create(optimizer, new OptimizerOptions { Maximize = true }));
        Assert.Contains("maximize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_values_are_accepted_like_PyTorch()
    {
        var zeros = new OptimizerOptions { Lr = 0, Momentum = 0, WeightDecay = 0, Eps = 0, Beta1 = 0, Beta2 = 0 };
        Assert.All(OptimizerFactory.Names.Where(n => n != "nesterov"), name => OptimizerFactory.Create(name, zeros));
    }
}
