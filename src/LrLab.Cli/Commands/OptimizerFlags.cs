using System.CommandLine;
using LrLab.Core;
using LrLab.Core.Optimizers;

namespace LrLab.Cli.Commands;

/// <summary>
/// `--optimizer`, `--lr` and the torch.optim hyperparameters, shared by simulate, sweep and find. The defaults in the
/// help are read from Core's tables (<see cref="OptimizerDefaults"/>), the ones the optimizers use.
/// </summary>
internal sealed class OptimizerFlags
{
    private readonly Option<string> _optimizer = Flags.Text("--optimizer", $"{string.Join(", ", OptimizerFactory.Names.SkipLast(1))} or {OptimizerFactory.Names[^1]} (default sgd); simulate also takes linesearch");
    private readonly Option<string> _lr = Flags.Text("--lr", $"learning rate (default: the optimizer's usual rate: {UsualRates()})");
    private readonly Option<string> _momentum = Flags.Text("--momentum", $"momentum ({Defaults("momentum")}; the momentum and nesterov presets {PythonText.Float(OptimizerFactory.PresetMomentum)})");
    private readonly Option<string> _dampening = Flags.Text("--dampening", $"dampening ({Defaults("dampening")})");
    private readonly Option<bool> _nesterov = Flags.Switch("--nesterov", "Nesterov momentum (SGD)");
    private readonly Option<string> _beta1 = Flags.Text("--beta1", $"betas[0] ({Defaults("betas", 0)})");
    private readonly Option<string> _beta2 = Flags.Text("--beta2", $"betas[1] ({Defaults("betas", 1)})");
    private readonly Option<string> _eps = Flags.Text("--eps", $"eps added to the denominator ({Defaults("eps")})");
    private readonly Option<string> _weightDecay = Flags.Text("--weight-decay", $"weight_decay, decoupled for AdamW ({Defaults("weight_decay")})");
    private readonly Option<string> _alpha = Flags.Text("--alpha", $"smoothing constant ({Defaults("alpha")})");
    private readonly Option<bool> _centered = Flags.Switch("--centered", "centered RMSprop");
    private readonly Option<bool> _amsgrad = Flags.Switch("--amsgrad", "AMSGrad variant (Adam, AdamW)");
    private readonly Option<string> _lrDecay = Flags.Text("--lr-decay", $"lr_decay ({Defaults("lr_decay")})");

    public OptimizerFlags(Command command)
    {
        foreach (var option in new Option[] { _optimizer, _lr, _momentum, _dampening, _nesterov, _beta1, _beta2, _eps, _weightDecay, _alpha, _centered, _amsgrad, _lrDecay })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The `--optimizer` option itself (a sweep checks it is not combined with a list).</summary>
    public Option<string> OptimizerOption => _optimizer;

    public string Name(ParseResult result) => result.GetValue(_optimizer) ?? "sgd";

    public IOptimizer Create(ParseResult result) => Create(result, Name(result));

    /// <summary>`--lr` if given (checked positive).</summary>
    public double? Lr(ParseResult result) => Flags.Positive(result, _lr);

    /// <summary>Whether `--lr` was given (a sweep takes a range instead).</summary>
    public bool HasLr(ParseResult result) => result.GetValue(_lr) is not null;

    /// <summary>The optimizer <paramref name="name"/> with the hyperparameter flags (each optimizer reads the ones it knows).</summary>
    public IOptimizer Create(ParseResult result, string name)
    {
        var lr = Flags.Positive(result, _lr) ?? OptimizerFactory.Info(name).DefaultLr;
        return OptimizerFactory.Create(name, new OptimizerOptions
        {
            Lr = lr,
            Momentum = Flags.NonNegative(result, _momentum),
            Dampening = Flags.Number(result, _dampening),
            Nesterov = result.GetValue(_nesterov),
            Beta1 = Flags.Number(result, _beta1),
            Beta2 = Flags.Number(result, _beta2),
            Eps = Flags.NonNegative(result, _eps),
            WeightDecay = Flags.NonNegative(result, _weightDecay),
            Alpha = Flags.NonNegative(result, _alpha),
            Centered = result.GetValue(_centered),
            Amsgrad = result.GetValue(_amsgrad),
            LrDecay = Flags.NonNegative(result, _lrDecay),
        });
    }

    /// <summary>
    /// "Adam, AdamW, RMSprop default 1e-08; Adagrad default 1e-10": each class that has <paramref name="parameter"/>,
    /// grouped by its default (item <paramref name="item"/> of a tuple such as betas).
    /// </summary>
    private static string Defaults(string parameter, int? item = null) =>
        string.Join("; ", OptimizerDefaults.All
            .Where(s => s.Find(parameter) is not null)
            .GroupBy(s => item is int i ? PythonText.Float(s[parameter].Item(i)) : s[parameter].Text, StringComparer.Ordinal)
            .Select(g => $"{string.Join(", ", g.Select(s => s.ClassName))} default {g.Key}"));

    private static string UsualRates() =>
        string.Join(", ", OptimizerFactory.All
            .GroupBy(info => info.DefaultLr)
            .Select(g => $"{string.Join("/", g.Select(info => info.Name))} {Output.Fmt.Plain(g.Key)}"));
}
