using LrLab.Core;
using LrLab.Core.Schedules;

namespace LrLab.Web.Designer;

/// <summary>
/// The designer's form for every scheduler of <see cref="ScheduleSpec.Names"/>. Each optional field's default is
/// read from Core's table (<see cref="ScheduleSpec.Signatures"/>, checked against PyTorch 1.13); the Web adds only
/// words, the kind of control and a starting example for required parameters.
/// </summary>
public static class SchedulerForms
{
    private static SchedulerForm Form(string className, string summary, Func<Fields, SchedulerField[]> fields) =>
        new(className, summary, fields(new Fields(className)));

    /// <summary>All forms, in the order of <see cref="ScheduleSpec.Names"/>.</summary>
    public static IReadOnlyList<SchedulerForm> All { get; } =
    [
        Form("StepLR", "Multiply the rate by gamma every step_size updates.", f => [
            f.Req("step_size", FieldKind.Integer, "30", "updates between decays"),
            f.Opt("gamma", FieldKind.Number, "factor at each decay")]),
        Form("MultiStepLR", "Multiply the rate by gamma at each milestone.", f => [
            f.Req("milestones", FieldKind.Raw, "[30, 60]", "increasing update numbers, e.g. [30, 60]"),
            f.Opt("gamma", FieldKind.Number, "factor at each milestone")]),
        Form("ExponentialLR", "Multiply the rate by gamma after every update.", f => [
            f.Req("gamma", FieldKind.Number, "0.95", "factor per update")]),
        Form("ConstantLR", "Use factor × the rate until total_iters, then the full rate.", f => [
            f.Opt("factor", FieldKind.Number, "fraction of the rate at first"),
            f.Opt("total_iters", FieldKind.Integer, "updates before the full rate")]),
        Form("LinearLR", "Move the factor linearly from start_factor to end_factor over total_iters updates (a warm-up).", f => [
            f.Opt("start_factor", FieldKind.Number, "factor at update 0 (must be above 0)"),
            f.Opt("end_factor", FieldKind.Number, "factor from total_iters on"),
            f.Opt("total_iters", FieldKind.Integer, "length of the ramp")]),
        Form("PolynomialLR", "Decay to zero over total_iters updates along (1 − t/total_iters)^power.", f => [
            f.Opt("total_iters", FieldKind.Integer, "updates until the rate reaches 0"),
            f.Opt("power", FieldKind.Number, "1 is a straight line")]),
        Form("CosineAnnealingLR", "Follow half a cosine from the rate down to eta_min over T_max updates.", f => [
            f.Req("T_max", FieldKind.Integer, "100", "updates for the half cosine"),
            f.Opt("eta_min", FieldKind.Number, "the floor")]),
        Form("CosineAnnealingWarmRestarts", "Cosine annealing that restarts at the full rate; cycle i lasts T_0·T_mult^i updates.", f => [
            f.Req("T_0", FieldKind.Integer, "10", "length of the first cycle"),
            f.Opt("T_mult", FieldKind.Integer, "growth of the cycle length"),
            f.Opt("eta_min", FieldKind.Number, "the floor")]),
        Form("OneCycleLR", "Warm up to max_lr, then anneal far below the start (Smith's one-cycle policy).", f => [
            f.Req("max_lr", FieldKind.Number, "0.1", "the peak rate (replaces the optimizer's rate)"),
            f.Opt("total_steps", FieldKind.Integer, "length of the cycle (or give epochs and steps_per_epoch)") with { Start = "100" },
            f.Opt("epochs", FieldKind.Integer, "with steps_per_epoch, instead of total_steps"),
            f.Opt("steps_per_epoch", FieldKind.Integer, "with epochs"),
            f.Opt("pct_start", FieldKind.Number, "fraction of the cycle spent warming up"),
            f.Choice("anneal_strategy", "shape of both phases", "cos", "linear"),
            f.Opt("cycle_momentum", FieldKind.Flag, "also cycle momentum (between base_momentum and max_momentum)"),
            f.Opt("base_momentum", FieldKind.Number, "momentum at the peak rate"),
            f.Opt("max_momentum", FieldKind.Number, "momentum at the lowest rate"),
            f.Opt("div_factor", FieldKind.Number, "start at max_lr / div_factor"),
            f.Opt("final_div_factor", FieldKind.Number, "end at start / final_div_factor"),
            f.Opt("three_phase", FieldKind.Flag, "symmetric warm-up and cool-down, then a final drop")]),
        Form("CyclicLR", "Bounce between base_lr and max_lr in triangles (Smith's cyclical rates).", f => [
            f.Req("base_lr", FieldKind.Number, "0.001", "the low end (replaces the optimizer's rate)"),
            f.Req("max_lr", FieldKind.Number, "0.01", "the high end"),
            f.Opt("step_size_up", FieldKind.Integer, "updates from low to high") with { Start = "20" },
            f.Opt("step_size_down", FieldKind.Integer, "updates from high to low (default: step_size_up)"),
            f.Choice("mode", "how the amplitude changes between cycles", "triangular", "triangular2", "exp_range"),
            f.Opt("gamma", FieldKind.Number, "exp_range: amplitude factor per update"),
            f.Choice("scale_mode", "scale per cycle or per update", "cycle", "iterations"),
            f.Opt("cycle_momentum", FieldKind.Flag, "also cycle momentum"),
            f.Opt("base_momentum", FieldKind.Number, "momentum at max_lr"),
            f.Opt("max_momentum", FieldKind.Number, "momentum at base_lr")]),
        Form("SequentialLR", "Run one scheduler after another, switching at the milestones (nesting allowed).", f => [
            f.Req("schedulers", FieldKind.Raw, "[LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90, eta_min=0.0001)]", "a list of scheduler calls"),
            f.Req("milestones", FieldKind.Raw, "[10]", "update numbers where the next scheduler takes over (one fewer than schedulers)")]),
        Form("ReduceLROnPlateau", "Multiply the rate by factor when the loss has stopped improving for patience updates.", f => [
            f.Choice("mode", "watch for a minimum or a maximum", "min", "max"),
            f.Opt("factor", FieldKind.Number, "factor at each reduction"),
            f.Opt("patience", FieldKind.Integer, "updates without improvement before reducing"),
            f.Opt("threshold", FieldKind.Number, "what counts as an improvement"),
            f.Choice("threshold_mode", "relative or absolute threshold", "rel", "abs"),
            f.Opt("cooldown", FieldKind.Integer, "updates to wait after a reduction"),
            f.Opt("min_lr", FieldKind.Number, "the floor"),
            f.Opt("eps", FieldKind.Number, "smaller changes are ignored")]) with { NeedsLosses = true },
    ];

    /// <summary>The form of <paramref name="className"/>, or null.</summary>
    public static SchedulerForm? Find(string className) => All.FirstOrDefault(f => f.ClassName == className);

    /// <summary>Builds the fields of one class, each tied to its parameter in Core's table.</summary>
    private sealed class Fields(string className)
    {
        private readonly PyTorchSignature _signature = ScheduleSpec.Signature(className)
            ?? throw new InvalidOperationException($"Core has no scheduler {className}");

        /// <summary>A parameter without a default, starting at <paramref name="start"/>.</summary>
        public SchedulerField Req(string name, FieldKind kind, string start, string help) =>
            _signature[name].IsRequired
                ? new(name, kind, string.Empty, start, help) { Required = true }
                : throw new InvalidOperationException($"{className}.{name} has a default in Core");

        /// <summary>An optional parameter, starting at Core's default (empty for None).</summary>
        public SchedulerField Opt(string name, FieldKind kind, string help)
        {
            var text = DefaultText(name);
            return new(name, kind, text, text, help);
        }

        /// <summary>A string parameter with PyTorch's choices, starting at Core's default.</summary>
        public SchedulerField Choice(string name, string help, params string[] choices)
        {
            var text = DefaultText(name);
            return new(name, FieldKind.Choice, text, text, help) { Choices = choices };
        }

        /// <summary>The default as the form writes it: spec text, a choice without quotes, empty for None.</summary>
        private string DefaultText(string name) => _signature[name] switch
        {
            { IsRequired: true } => throw new InvalidOperationException($"{className}.{name} is required in Core"),
            { Value: null } => string.Empty,
            { Value: string choice } => choice,
            var d => d.Text,
        };
    }
}
