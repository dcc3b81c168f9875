using System.Collections.Frozen;
using LrLab.Core.Schedules.Spec;

namespace LrLab.Core.Schedules;

/// <summary>
/// Reads spec strings: PyTorch scheduler constructor calls without the optimizer, e.g.
/// <c>SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=5), CosineAnnealingLR(T_max=95)], milestones=[5])</c>.
/// Keyword or positional arguments (in PyTorch's order), numbers, strings, True/False/None, lists and
/// nested calls; class names as in PyTorch, optionally prefixed by <c>torch.optim.lr_scheduler.</c>.
/// </summary>
public static class ScheduleSpec
{
    private static readonly FrozenDictionary<string, ScheduleKind> _kinds = new[]
    {
        StepLr.Kind, MultiStepLr.Kind, ExponentialLr.Kind, ConstantLr.Kind, LinearLr.Kind, PolynomialLr.Kind,
        CosineAnnealingLr.Kind, CosineAnnealingWarmRestarts.Kind, OneCycleLr.Kind, CyclicLr.Kind, SequentialLr.Kind,
        ReduceLrOnPlateau.Kind,
    }.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The scheduler class names a spec may use, in PyTorch's spelling.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        StepLr.Name, MultiStepLr.Name, ExponentialLr.Name, ConstantLr.Name, LinearLr.Name, PolynomialLr.Name,
        CosineAnnealingLr.Name, CosineAnnealingWarmRestarts.Name, OneCycleLr.Name, CyclicLr.Name, SequentialLr.Name,
        ReduceLrOnPlateau.Name,
    ];

    /// <summary>
    /// The mirrored parameters of every scheduler of <see cref="Names"/>, in that order, each with PyTorch's default:
    /// the one table the parser, the canonical spec text, the designer's forms and the CLI's help read.
    /// </summary>
    public static IReadOnlyList<PyTorchSignature> Signatures { get; } = [.. Names.Select(n => _kinds[n].Signature)];

    /// <summary>The signature of <paramref name="className"/> (PyTorch's spelling), or null when it is not one of <see cref="Names"/>.</summary>
    public static PyTorchSignature? Signature(string className) =>
        className is not null && _kinds.TryGetValue(className, out var kind) ? kind.Signature : null;

    /// <summary>The longest spec accepted, in characters.</summary>
    public static int MaxLength => SpecParser.MaxLength;

    /// <summary>The deepest nesting of calls and lists accepted.</summary>
    public static int MaxDepth => SpecParser.MaxDepth;

    /// <summary>Parses a spec string.</summary>
    /// <exception cref="InputException">Any problem, with a one-line message and the 1-based column.</exception>
    public static ParsedSchedule Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var call = SpecParser.Parse(spec);
        var schedule = Bind(call);
        return new ParsedSchedule(((IScheduleSpec)schedule).ClassName, schedule);
    }

    /// <summary>Parses a spec that must not need metrics (everything except ReduceLROnPlateau).</summary>
    /// <exception cref="InputException">Bad spec, or a ReduceLROnPlateau spec.</exception>
    public static ILrSchedule ParseLr(string spec)
    {
        var parsed = Parse(spec);
        return parsed.Schedule
            ?? throw new InputException($"{parsed.ClassName} needs the losses (metrics); it cannot be used as a plain schedule here", 1);
    }

    private static object Bind(CallNode call)
    {
        var name = call.Name.StartsWith(SpecFormat.PythonPrefix, StringComparison.Ordinal)
            ? call.Name[SpecFormat.PythonPrefix.Length..]
            : call.Name;
        if (!_kinds.TryGetValue(name, out var kind))
        {
            throw SpecError.At($"unknown scheduler '{call.Name}'; valid: {string.Join(", ", Names)}", call.Column);
        }

        var values = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        var positional = 0;
        foreach (var arg in call.Args)
        {
            string parameter;
            if (arg.Name is null)
            {
                if (positional >= kind.Parameters.Count)
                {
                    throw SpecError.At($"{kind.Name} takes at most {kind.Parameters.Count} positional arguments (after the optimizer)", arg.Column);
                }

                parameter = kind.Parameters[positional++];
            }
            else
            {
                parameter = arg.Name;
                if (!kind.Parameters.Contains(parameter, StringComparer.Ordinal))
                {
                    throw new InputException(
                        $"{kind.Name} has no parameter '{parameter}' (column {arg.Column}); valid: {string.Join(", ", kind.Parameters)}",
                        arg.Column);
                }
            }

            if (!values.TryAdd(parameter, arg.Value))
            {
                throw SpecError.At($"{kind.Name} got parameter '{parameter}' more than once", arg.Column);
            }
        }

        var bound = new BoundArgs(call, kind.Signature, values, Bind);
        try
        {
            return kind.Create(bound);
        }
        catch (InputException e) when (e.Position is null)
        {
            // Constructor checks say "Class: parameter ..."; point the column at that argument.
            var prefix = kind.Name + ": ";
            var parameter = e.Message.StartsWith(prefix, StringComparison.Ordinal)
                ? kind.Parameters.FirstOrDefault(p => e.Message.AsSpan(prefix.Length).StartsWith(p + " ", StringComparison.Ordinal))
                : null;
            var column = parameter is null ? call.Column : bound.ColumnOf(parameter);
            throw SpecError.At(e.Message, column);
        }
    }
}
