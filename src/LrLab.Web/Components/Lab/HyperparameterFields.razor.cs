using System.Globalization;
using LrLab.Core;
using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Web.Lab;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Lab;

/// <summary>
/// The selected optimizer's hyperparameters (momentum, nesterov, betas, eps, alpha, centered, weight decay). Each
/// placeholder is the default Core uses when the field is empty (<see cref="OptimizerDefaults"/>, PyTorch's; the
/// momentum presets' β; <see cref="ArmijoOptions"/> for line search).
/// </summary>
public sealed partial class HyperparameterFields
{
    /// <summary>The current setup (which optimizer).</summary>
    [Parameter, EditorRequired]
    public LabSetup Setup { get; set; } = null!;

    /// <summary>The current state (the values).</summary>
    [Parameter, EditorRequired]
    public LabState State { get; set; } = null!;

    /// <summary>Called with the changed state.</summary>
    [Parameter]
    public EventCallback<LabState> OnChange { get; set; }

    private static readonly ArmijoOptions _armijo = new();

    private string? _error;

    private string Caption => Setup.IsLineSearch
        ? $"(each update tries α₀, ρα₀, ρ²α₀, … until the loss falls by at least c·α·|∇L|²; empty = ρ {PythonText.Float(_armijo.Shrink)}, c {PythonText.Float(_armijo.C)})"
        : "(PyTorch names; empty = PyTorch default)";

    private string Title => Setup.IsLineSearch ? "line search" : Setup.Optimizer;

    private sealed record Field(string Key, string Label, string Placeholder, double? Value, bool IsFlag = false, bool Flag = false)
    {
        public string Text => Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private IEnumerable<Field> Fields
    {
        get
        {
            var s = State;
            switch (Setup.Optimizer)
            {
                case "sgd":
                    yield return new("momentum", "momentum", Default("momentum"), s.Momentum);
                    yield return new("nesterov", "nesterov", string.Empty, null, true, s.Nesterov);
                    break;
                case "momentum" or "nesterov":
                    yield return new("momentum", "momentum", Default("momentum"), s.Momentum);
                    break;
                case "rmsprop":
                    yield return new("alpha", "alpha", Default("alpha"), s.Alpha);
                    yield return new("eps", "eps", Default("eps"), s.Eps);
                    yield return new("momentum", "momentum", Default("momentum"), s.Momentum);
                    yield return new("centered", "centered", string.Empty, null, true, s.Centered);
                    break;
                case "adagrad":
                    yield return new("eps", "eps", Default("eps"), s.Eps);
                    break;
                case LabSimulation.LineSearch:
                    // Backtracking has no PyTorch class: its two knobs, and no weight decay.
                    yield return new("shrink", "shrink ρ", PythonText.Float(_armijo.Shrink), s.Shrink);
                    yield return new("c", "Armijo c", PythonText.Float(_armijo.C), s.ArmijoC);
                    yield break;
                default:
                    yield return new("beta1", "beta1", Default("beta1"), s.Beta1);
                    yield return new("beta2", "beta2", Default("beta2"), s.Beta2);
                    yield return new("eps", "eps", Default("eps"), s.Eps);
                    break;
            }

            yield return new("weight_decay", "weight_decay", Default("weight_decay"), s.WeightDecay);
        }
    }

    /// <summary>What Core uses for <paramref name="key"/> (a field name; beta1/beta2 are the two items of betas) when the field is empty.</summary>
    private string Default(string key) => key switch
    {
        "beta1" => PythonText.Float(OptimizerDefaults.For(Setup.Optimizer)["betas"].Item(0)),
        "beta2" => PythonText.Float(OptimizerDefaults.For(Setup.Optimizer)["betas"].Item(1)),
        _ => OptimizerDefaults.Text(Setup.Optimizer, key),
    };

    private async Task OnNumber(string key, ChangeEventArgs e)
    {
        var text = e.Value?.ToString()?.Trim() ?? string.Empty;
        double? value = null;
        if (text.Length > 0)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
            {
                _error = $"{key}: '{text}' is not a non-negative number.";
                return;
            }

            value = v;
        }

        if (key is "momentum" or "beta1" or "beta2" or "alpha" && value >= 1)
        {
            _error = $"{key} must be below 1.";
            return;
        }

        if (key is "shrink" or "c" && value is { } f && !(f > 0 && f < 1))
        {
            _error = $"{key} must be between 0 and 1 (both excluded).";
            return;
        }

        _error = null;
        var s = State;
        var next = key switch
        {
            "momentum" => s with { Momentum = value },
            "beta1" => s with { Beta1 = value },
            "beta2" => s with { Beta2 = value },
            "eps" => s with { Eps = value },
            "alpha" => s with { Alpha = value },
            "shrink" => s with { Shrink = value },
            "c" => s with { ArmijoC = value },
            _ => s with { WeightDecay = value },
        };
        await OnChange.InvokeAsync(next);
    }

    private async Task OnFlag(string key, ChangeEventArgs e)
    {
        var on = e.Value is true || string.Equals(e.Value?.ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var next = key == "nesterov" ? State with { Nesterov = on } : State with { Centered = on };
        await OnChange.InvokeAsync(next);
    }
}
