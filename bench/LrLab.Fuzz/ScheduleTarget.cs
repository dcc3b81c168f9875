using System.Globalization;
using CsCheck;
using LrLab.Core;
using LrLab.Core.Schedules;
using LrLab.Web.Designer;
using LrLab.Web.Lab;

namespace LrLab.Fuzz;

/// <summary>
/// Schedule specs with any number of steps: a spec parses (and its canonical text round-trips) or fails with a
/// one-line message and a column; the designer and the lab show any spec at any step count, including schedules
/// PyTorch refuses to step past their end (OneCycleLR beyond total_steps).
/// </summary>
public static class ScheduleTarget
{
    private static readonly (string Name, string[] Parameters)[] _classes =
    [
        ("StepLR", ["step_size", "gamma"]), ("MultiStepLR", ["milestones", "gamma"]), ("ExponentialLR", ["gamma"]),
        ("ConstantLR", ["factor", "total_iters"]), ("LinearLR", ["start_factor", "end_factor", "total_iters"]),
        ("PolynomialLR", ["total_iters", "power"]), ("CosineAnnealingLR", ["T_max", "eta_min"]),
        ("CosineAnnealingWarmRestarts", ["T_0", "T_mult", "eta_min"]),
        ("OneCycleLR", ["max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy", "div_factor", "final_div_factor", "three_phase"]),
        ("CyclicLR", ["base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_mode"]),
        ("ReduceLROnPlateau", ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"]),
    ];

    private static readonly Gen<string> _argValue = Gen.Frequency(
        (6, Gen.Int[0, 40].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (4, Gen.Double[0, 1].Select(d => d.ToString("G4", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf<string>("-1", "0", "1e999", "1e-300", "2147483647", "True", "False", "None", "'cos'", "'linear'", "'min'", "'max'",
            "'triangular'", "'triangular2'", "'exp_range'", "'rel'", "'abs'", "'cycle'", "'iterations'", "[5, 10]", "[]", "[0]", "'x'", "1.5")));

    private static readonly Gen<string> _call = Gen.Recursive<string>((depth, self) =>
    {
        var plain = Gen.OneOf(_classes).SelectMany(c =>
            Gen.Select(Gen.OneOf<string>(c.Parameters), _argValue).Array[0, 4]
                .Select(args => c.Name + "(" + string.Join(", ", args.Select(a => a.Item1 + "=" + a.Item2)) + ")"));
        return depth >= 2
            ? plain
            : Gen.Frequency(
                (5, plain),
                (1, Gen.Select(self.Array[1, 3], Gen.Int[0, 30].Array[0, 3], (children, milestones) =>
                    "SequentialLR(schedulers=[" + string.Join(", ", children) + "], milestones=[" + string.Join(", ", milestones) + "])")));
    });

    private static readonly string[] _fragments =
    [
        "StepLR", "SequentialLR", "OneCycleLR", "ReduceLROnPlateau", "CyclicLR", "torch.optim.lr_scheduler.", "(", ")", "[", "]",
        ",", "=", "step_size", "gamma", "schedulers", "milestones", "max_lr", "total_steps", "T_max", "mode", "1", "0", "-3", "1e-4",
        "2.5", "1e999", "'cos'", "\"max\"", "'", "True", "None", " ", ".", "+",
    ];

    private static readonly Gen<string> _spec = Gen.Frequency(
        (8, _call),
        (2, _call.SelectMany(s => Gen.Int[0, Math.Max(0, s.Length - 1)].Select(i => s[..i]))),
        (2, Gen.OneOf<string>(_fragments).Array[0, 60].Select(string.Concat)),
        (1, Gen.String),
        (1, Hostile.Value));

    private static readonly Gen<int> _steps = Gen.Frequency((4, Gen.Int[1, 300]), (1, Gen.Int[1, ScheduleDesigner.MaxSteps]), (1, Gen.Int[-5, 0]));

    public static FuzzTarget Target { get; } = new(
        "schedule",
        "schedule specs × step counts (designer, lab, --schedule)",
        (iter, seed, time) => Gen.Select(_spec, _steps, Gen.Double[1e-4, 1]).Sample(Slowest.Wrap<string, int, double>(Check), iter: iter, seed: seed, time: time));

    public static void Check(string spec, int steps, double lr)
    {
        ParsedSchedule? parsed = null;
        try
        {
            parsed = ScheduleSpec.Parse(spec);
        }
        catch (InputException e)
        {
            Notices.IsOneLine(e.Message);
            FuzzException.Unless(e.Position is > 0, $"no column for '{spec}': {e.Message}");
        }

        if (parsed is not null)
        {
            var canonical = parsed.ToSpec();
            FuzzException.Unless(ScheduleSpec.Parse(canonical).ToSpec() == canonical, $"canonical spec does not round-trip: {canonical}");
            if (parsed.Schedule is { } schedule)
            {
                for (var t = 0; t < steps; t++)
                {
                    try
                    {
                        _ = schedule.At(t, lr);
                    }
                    catch (InputException e)
                    {
                        // PyTorch refuses to step some schedules past their end; the refusal is an input error, once.
                        Notices.IsOneLine(e.Message);
                        break;
                    }
                }
            }
        }

        var text = steps.ToString(CultureInfo.InvariantCulture);
        var designer = new ScheduleDesigner();
        designer.LoadUrl(spec, lr.ToString("R", CultureInfo.InvariantCulture), text);
        FuzzException.Unless(designer.Rates.Length == designer.Steps, "the designer's chart does not cover every update");
        designer.SetSpec(spec);
        designer.SetSteps(text);
        FuzzException.Unless(designer.Rates.Length == designer.Steps, "the designer's chart does not cover every update after typing");

        var (state, _) = LabUrl.Parse("schedule=" + Uri.EscapeDataString(spec) + "&steps=" + Math.Min(steps, LabState.MaxSteps) + "&lr=" + lr.ToString("R", CultureInfo.InvariantCulture));
        var session = new LabSession(state);
        FuzzException.Unless(session.Runs.Count > 0, "no run");
    }
}
