namespace LrLab.Web.Learn;

/// <summary>The course glossary, in alphabetical order.</summary>
public static class Glossary
{
    /// <summary>Every entry.</summary>
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("batch", "The handful of training examples whose gradients are averaged for one update. Bigger batches give a less noisy gradient."),
        new("condition number", "The steepest curvature divided by the gentlest. A round bowl has a small one; a long narrow ravine a large one, and it forces a small rate."),
        new("curvature", "How fast the slope changes as you move: the second derivative. High curvature means the ground turns steep quickly, so long strides overshoot."),
        new("epoch", "One full pass over the training data. A schedule often changes the rate per epoch."),
        new("gradient", "The vector of partial derivatives of the loss. It points uphill, so gradient descent steps the other way."),
        new("learning rate", "The number α that scales each gradient step: θ ← θ − α·∇L(θ). The gradient picks the direction; α picks how far to go."),
        new("schedule", "A rule that changes the learning rate during training, such as step decay, exponential decay, cosine annealing or one-cycle."),
        new("warmup", "A short opening phase in which the rate climbs from almost zero to its target, so the first large, unreliable gradients cannot throw the weights far away."),
    ];
}
