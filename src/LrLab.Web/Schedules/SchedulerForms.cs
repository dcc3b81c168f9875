using LrLab.Core.Schedules;

namespace LrLab.Web.Schedules;

/// <summary>The designer's form for every scheduler of <see cref="ScheduleSpec.Names"/>, with PyTorch 1.13's defaults.</summary>
public static class SchedulerForms
{
    private static SchedulerField Req(string name, FieldKind kind, string start, string help) => new(name, kind, string.Empty, start, help) { Required = true };

    private static SchedulerField Opt(string name, FieldKind kind, string @default, string help) => new(name, kind, @default, @default, help);

    private static SchedulerField Choice(string name, string @default, string help, params string[] choices) =>
        new(name, FieldKind.Choice, @default, @default, help) { Choices = choices };

    /// <summary>All forms, in the order of <see cref="ScheduleSpec.Names"/>.</summary>
    public static IReadOnlyList<SchedulerForm> All { get; } =
    [
        new("StepLR", "Multiply the rate by gamma every step_size updates.", [
            Req("step_size", FieldKind.Integer, "30", "updates between decays"),
            Opt("gamma", FieldKind.Number, "0.1", "factor at each decay")]),
        new("MultiStepLR", "Multiply the rate by gamma at each milestone.", [
            Req("milestones", FieldKind.Raw, "[30, 60]", "increasing update numbers, e.g. [30, 60]"),
            Opt("gamma", FieldKind.Number, "0.1", "factor at each milestone")]),
        new("ExponentialLR", "Multiply the rate by gamma after every update.", [
            Req("gamma", FieldKind.Number, "0.95", "factor per update")]),
        new("ConstantLR", "Use factor × the rate until total_iters, then the full rate.", [
            Opt("factor", FieldKind.Number, "0.3333333333333333", "fraction of the rate at first"),
            Opt("total_iters", FieldKind.Integer, "5", "updates before the full rate")]),
        new("LinearLR", "Move the factor linearly from start_factor to end_factor over total_iters updates (a warm-up).", [
            Opt("start_factor", FieldKind.Number, "0.3333333333333333", "factor at update 0 (must be above 0)"),
            Opt("end_factor", FieldKind.Number, "1.0", "factor from total_iters on"),
            Opt("total_iters", FieldKind.Integer, "5", "length of the ramp")]),
        new("PolynomialLR", "Decay to zero over total_iters updates along (1 − t/total_iters)^power.", [
            Opt("total_iters", FieldKind.Integer, "5", "updates until the rate reaches 0"),
            Opt("power", FieldKind.Number, "1.0", "1 is a straight line")]),
        new("CosineAnnealingLR", "Follow half a cosine from the rate down to eta_min over T_max updates.", [
            Req("T_max", FieldKind.Integer, "100", "updates for the half cosine"),
            Opt("eta_min", FieldKind.Number, "0.0", "the floor")]),
        new("CosineAnnealingWarmRestarts", "Cosine annealing that restarts at the full rate; cycle i lasts T_0·T_mult^i updates.", [
            Req("T_0", FieldKind.Integer, "10", "length of the first cycle"),
            Opt("T_mult", FieldKind.Integer, "1", "growth of the cycle length"),
            Opt("eta_min", FieldKind.Number, "0.0", "the floor")]),
        new("OneCycleLR", "Warm up to max_lr, then anneal far below the start (Smith's one-cycle policy).", [
            Req("max_lr", FieldKind.Number, "0.1", "the peak rate (replaces the optimizer's rate)"),
            Opt("total_steps", FieldKind.Integer, string.Empty, "length of the cycle (or give epochs and steps_per_epoch)") with { Start = "100" },
            Opt("epochs", FieldKind.Integer, string.Empty, "with steps_per_epoch, instead of total_steps"),
            Opt("steps_per_epoch", FieldKind.Integer, string.Empty, "with epochs"),
            Opt("pct_start", FieldKind.Number, "0.3", "fraction of the cycle spent warming up"),
            Choice("anneal_strategy", "cos", "shape of both phases", "cos", "linear"),
            Opt("cycle_momentum", FieldKind.Flag, "True", "also cycle momentum (between base_momentum and max_momentum)"),
            Opt("base_momentum", FieldKind.Number, "0.85", "momentum at the peak rate"),
            Opt("max_momentum", FieldKind.Number, "0.95", "momentum at the lowest rate"),
            Opt("div_factor", FieldKind.Number, "25.0", "start at max_lr / div_factor"),
            Opt("final_div_factor", FieldKind.Number, "10000.0", "end at start / final_div_factor"),
            Opt("three_phase", FieldKind.Flag, "False", "symmetric warm-up and cool-down, then a final drop")]),
        new("CyclicLR", "Bounce between base_lr and max_lr in triangles (Smith's cyclical rates).", [
            Req("base_lr", FieldKind.Number, "0.001", "the low end (replaces the optimizer's rate)"),
            Req("max_lr", FieldKind.Number, "0.01", "the high end"),
            Opt("step_size_up", FieldKind.Integer, "2000", "updates from low to high") with { Start = "20" },
            Opt("step_size_down", FieldKind.Integer, string.Empty, "updates from high to low (default: step_size_up)"),
            Choice("mode", "triangular", "how the amplitude changes between cycles", "triangular", "triangular2", "exp_range"),
            Opt("gamma", FieldKind.Number, "1.0", "exp_range: amplitude factor per update"),
            Choice("scale_mode", "cycle", "scale per cycle or per update", "cycle", "iterations"),
            Opt("cycle_momentum", FieldKind.Flag, "True", "also cycle momentum"),
            Opt("base_momentum", FieldKind.Number, "0.8", "momentum at max_lr"),
            Opt("max_momentum", FieldKind.Number, "0.9", "momentum at base_lr")]),
        new("SequentialLR", "Run one scheduler after another, switching at the milestones (nesting allowed).", [
            Req("schedulers", FieldKind.Raw, "[LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90, eta_min=0.0001)]", "a list of scheduler calls"),
            Req("milestones", FieldKind.Raw, "[10]", "update numbers where the next scheduler takes over (one fewer than schedulers)")]),
        new("ReduceLROnPlateau", "Multiply the rate by factor when the loss has stopped improving for patience updates.", [
            Choice("mode", "min", "watch for a minimum or a maximum", "min", "max"),
            Opt("factor", FieldKind.Number, "0.1", "factor at each reduction"),
            Opt("patience", FieldKind.Integer, "10", "updates without improvement before reducing"),
            Opt("threshold", FieldKind.Number, "0.0001", "what counts as an improvement"),
            Choice("threshold_mode", "rel", "relative or absolute threshold", "rel", "abs"),
            Opt("cooldown", FieldKind.Integer, "0", "updates to wait after a reduction"),
            Opt("min_lr", FieldKind.Number, "0.0", "the floor"),
            Opt("eps", FieldKind.Number, "1e-08", "smaller changes are ignored")])
        {
            NeedsLosses = true,
        },
    ];

    /// <summary>The form of <paramref name="className"/>, or null.</summary>
    public static SchedulerForm? Find(string className) => All.FirstOrDefault(f => f.ClassName == className);
}
