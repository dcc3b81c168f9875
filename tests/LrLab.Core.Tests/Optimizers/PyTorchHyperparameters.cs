using System.Text.Json;
using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

/// <summary>Maps torch.optim keyword arguments (as in the golden fixture) onto <see cref="OptimizerOptions"/>.</summary>
internal static class PyTorchHyperparameters
{
    public static OptimizerOptions FromJson(JsonElement hyper)
    {
        var options = new OptimizerOptions();
        foreach (var property in hyper.EnumerateObject())
        {
            var value = property.Value;
            options = property.Name switch
            {
                "betas" => options with { Beta1 = value[0].GetDouble(), Beta2 = value[1].GetDouble() },
                "nesterov" or "centered" or "amsgrad" or "maximize" => With(options, property.Name, value.GetBoolean()),
                _ => With(options, property.Name, value.GetDouble()),
            };
        }

        return options;
    }

    public static OptimizerOptions With(OptimizerOptions options, string name, double value) => name switch
    {
        "lr" => options with { Lr = value },
        "momentum" => options with { Momentum = value },
        "dampening" => options with { Dampening = value },
        "weight_decay" => options with { WeightDecay = value },
        "beta1" => options with { Beta1 = value },
        "beta2" => options with { Beta2 = value },
        "eps" => options with { Eps = value },
        "alpha" => options with { Alpha = value },
        "lr_decay" => options with { LrDecay = value },
        "initial_accumulator_value" => options with { InitialAccumulatorValue = value },
        "momentum_decay" => options with { MomentumDecay = value },
        _ => throw new ArgumentException($"unmapped hyperparameter {name}", nameof(name)),
    };

    public static OptimizerOptions With(OptimizerOptions options, string name, bool value) => name switch
    {
        "nesterov" => options with { Nesterov = value },
        "centered" => options with { Centered = value },
        "amsgrad" => options with { Amsgrad = value },
        "maximize" => options with { Maximize = value },
        _ => throw new ArgumentException($"unmapped hyperparameter {name}", nameof(name)),
    };
}
