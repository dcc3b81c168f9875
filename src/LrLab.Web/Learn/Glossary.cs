namespace LrLab.Web.Learn;

/// <summary>The course glossary, in alphabetical order. Lessons link the first use of each term here.</summary>
public static class Glossary
{
    /// <summary>Every entry.</summary>
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("Adam", "An optimizer that divides each coordinate's step by a running estimate of its gradient's typical size, so every step is roughly α long whatever the slope. Defaults α 0.001, β₁ 0.9, β₂ 0.999."),
        new("Armijo condition", "The test a backtracking line search applies to a trial step: the loss must drop by at least a small share c of what the slope predicts. It asks for enough decrease, not for no overshoot."),
        new("backtracking", "A line search that starts with a bold trial step and shrinks it by a fixed factor until the Armijo condition holds."),
        new("batch", "The handful of training examples whose gradients are averaged for one update. Bigger batches give a less noisy gradient."),
        new("condition number", "The steepest curvature divided by the gentlest, κ = λmax/λmin. A round bowl has a small one; a long narrow ravine a large one, and it forces a small rate."),
        new("convergence", "Getting to the minimum and staying there: here, once the loss gap is at most a thousandth of where it started and stays so."),
        new("cosine annealing", "A schedule that lowers the rate along half a cosine from α_max to α_min over T steps: slow at first, fastest in the middle, gentle at the end."),
        new("critical batch size", "The batch size past which a bigger batch stops saving steps: below it, doubling the batch nearly halves the steps needed; above it, the gradient is already clean and the extra examples only cost computation."),
        new("cross-entropy", "The usual classification loss: minus the log of the probability the model gives the right class. A uniform guess over C classes scores ln C."),
        new("curvature", "How fast the slope changes as you move: the second derivative, or for many parameters an eigenvalue λ of the Hessian. High curvature means the ground turns steep quickly, so long strides overshoot."),
        new("diminishing returns", "The healthy shape of a loss curve: big drops at first, then smaller and smaller ones as the minimum gets near."),
        new("divergence", "A run whose error grows step after step until the numbers overflow to inf or NaN. For plain gradient descent it happens above 2/λmax."),
        new("edge of stability", "The regime where full-batch gradient descent's sharpness has risen to about 2/α and hovers there while the loss keeps falling, unevenly (Cohen et al. 2021)."),
        new("effective rate", "With momentum β, the stride a steady slope settles into: α/(1 − β), because the stored velocity keeps adding up the same gradient."),
        new("epoch", "One full pass over the training data. A schedule often changes the rate per epoch."),
        new("exponential decay", "A schedule that multiplies the rate by the same factor γ every epoch: α_t = α₀·γ^t."),
        new("gradient", "The vector of partial derivatives of the loss. It points uphill, so gradient descent steps the other way."),
        new("gradient descent", "The update rule θ ← θ − α·∇L(θ), repeated: measure the slope, step downhill, repeat."),
        new("gradient flow", "The continuous path dθ/dt = −∇L(θ) that gradient descent would follow with infinitely short steps; it slides into a minimum without ever crossing it."),
        new("heavy ball", "Polyak's momentum, the one PyTorch's SGD uses: a velocity that remembers past gradients (v ← βv + g) and moves the weights by α times it."),
        new("Hessian", "The matrix of second derivatives of the loss. Its eigenvalues are the curvatures along its principal directions."),
        new("learning rate", "The number α that scales each gradient step: θ ← θ − α·∇L(θ). The gradient picks the direction; α picks how far to go."),
        new("line search", "Choosing each step's length by trying a few points along the descent direction before committing."),
        new("linear scaling rule", "Multiply the rate by the same factor as the batch size; the usual practice for SGD with large batches, together with a warmup."),
        new("loss", "The number training tries to make small: how wrong the model is on the data, L(θ)."),
        new("minimum", "A point where the loss is lower than everywhere around it; the gradient there is zero."),
        new("momentum", "Keeping a running velocity of past gradients (v ← βv + g) and stepping along it, so the walker gathers speed on consistent slopes and overshoots more."),
        new("NaN", "\"Not a number\": what floating point produces after an overflow (inf − inf, 0·inf). Once a weight is NaN every later value is too."),
        new("Nesterov", "A variant of momentum that takes the gradient after a look-ahead along the velocity; it damps the swings of plain heavy ball and has a lower stability limit."),
        new("one-cycle", "A schedule that raises the rate to a maximum and then lowers it far below where it started, in one pass over training."),
        new("oscillation", "Steps that cross the minimum back and forth. Between 1/λ and 2/λ the swings shrink; at 2/λ they keep their size; above it they grow."),
        new("overshoot", "A step longer than the distance to the minimum, which lands on the far side of the valley."),
        new("range test", "One short run that raises the rate after every mini-batch while recording the loss; plotted against the rate it shows where learning starts and where it blows up."),
        new("RMSprop", "An optimizer that divides each coordinate's step by a running root-mean-square of its gradients; Adam adds momentum and bias correction to it."),
        new("schedule", "A rule that changes the learning rate during training, such as step decay, exponential decay, cosine annealing or one-cycle."),
        new("SGD", "Stochastic gradient descent: gradient descent on mini-batch gradients. \"Plain SGD\" means without momentum."),
        new("sharpness", "The largest curvature λmax of the loss at the current weights; it sets the current stability limit 2/λmax."),
        new("square-root rule", "Multiply the rate by the square root of the factor the batch grew by; common with Adam-type optimizers."),
        new("stability limit", "The largest rate at which a method still converges on a quadratic; 2/λmax for plain gradient descent (the limit itself bounces forever)."),
        new("step decay", "A schedule that keeps the rate constant and multiplies it by γ every k epochs."),
        new("update-to-weight ratio", "For one layer, the size of an update divided by the size of its weights; around one in a thousand is typical, far below means the rate is too small."),
        new("warm restarts", "Cosine annealing that jumps back to the top rate at the end of each cycle, often with each cycle longer than the last."),
        new("warmup", "A short opening phase in which the rate climbs from almost zero to its target, so the first large, unreliable gradients cannot throw the weights far away."),
    ];

    /// <summary>The anchor id of a term on the course index, e.g. "term-learning-rate".</summary>
    public static string Anchor(string term) => "term-" + term.ToLowerInvariant().Replace(' ', '-');
}
