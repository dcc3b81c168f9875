namespace LrLab.Core.Schedules;

/// <summary>The schedules the lessons talk about, as data.</summary>
public static class SchedulePresets
{
    /// <summary>Step decay: 0.01 for updates 0–29, 0.001 for 30–59, 0.0001 from 60 on.</summary>
    public static SchedulePreset StepDecay { get; } = new(
        "step-decay",
        "Divide the rate by ten at fixed points: 0.01 until update 30, 0.001 until 60, then 0.0001.",
        "MultiStepLR(milestones=[30, 60], gamma=0.1)",
        0.01,
        90);

    /// <summary>Exponential decay by 0.95 per update (about 60 % left after 10).</summary>
    public static SchedulePreset Exponential { get; } = new(
        "exponential",
        "Shrink the rate by 5 % after every update: after 10 updates about 60 % of it is left.",
        "ExponentialLR(gamma=0.95)",
        0.01,
        100);

    /// <summary>Cosine annealing from 0.01 to 0.0001 over 100 updates.</summary>
    public static SchedulePreset Cosine { get; } = new(
        "cosine",
        "Glide from the base rate down to a small floor along half a cosine: slow at first, fast in the middle, gentle at the end.",
        "CosineAnnealingLR(T_max=100, eta_min=0.0001)",
        0.01,
        100);

    /// <summary>Cosine annealing with warm restarts, cycles of 10, 20, 40, 80 updates.</summary>
    public static SchedulePreset CosineWarmRestarts { get; } = new(
        "cosine-warm-restarts",
        "Cosine annealing that jumps back to the base rate at each restart; each cycle is twice as long as the last.",
        "CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=0.0001)",
        0.01,
        150);

    /// <summary>Linear warm-up to 0.01 over 5 updates, then cosine decay to 0.0001 by update 100.</summary>
    public static SchedulePreset WarmupCosine { get; } = new(
        "warmup-cosine",
        "Warm up from almost nothing to 0.01 over the first 5 updates, then decay along a cosine to 0.0001 by update 100. "
        + "(PyTorch's LinearLR cannot start at exactly 0, so it starts at 1 % of the rate.)",
        "SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=5), CosineAnnealingLR(T_max=95, eta_min=0.0001)], milestones=[5])",
        0.01,
        101);

    /// <summary>One-cycle: up to 0.1 and down far below the start over 100 updates.</summary>
    public static SchedulePreset OneCycle { get; } = new(
        "one-cycle",
        "Climb from 0.004 to a peak of 0.1 over the first 30 % of training, then fall far below the start; pairs well with SGD and momentum.",
        "OneCycleLR(max_lr=0.1, total_steps=100)",
        0.01,
        100);

    /// <summary>All presets, in lesson order.</summary>
    public static IReadOnlyList<SchedulePreset> All { get; } =
        [StepDecay, Exponential, Cosine, CosineWarmRestarts, WarmupCosine, OneCycle];
}
