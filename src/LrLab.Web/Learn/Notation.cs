namespace LrLab.Web.Learn;

/// <summary>
/// The one notation every lesson uses. The first six are the ones readers meet under other letters elsewhere (η for the
/// rate, λ for a decay constant, μ for momentum); a test checks that the lessons keep to this table.
/// </summary>
public static class Notation
{
    /// <summary>Every symbol, the core six first.</summary>
    public static IReadOnlyList<NotationEntry> Entries { get; } =
    [
        new("α", "learning rate (step size); α₀ the starting rate of a schedule, αₜ the rate at step t", "θ ← θ − α·∇L(θ)"),
        new("λ", "curvature: an eigenvalue of the Hessian; λmin and λmax the gentlest and steepest", "stable for α < 2/λmax"),
        new("β", "momentum factor; β₁ and β₂ are Adam's two averaging factors", "v ← βv + g"),
        new("γ", "decay factor of a schedule: the rate is multiplied by γ", "αₜ = α₀·γᵗ"),
        new("t", "step (or epoch) counter, starting at 0; in gradient flow, continuous time", "eₜ, αₜ"),
        new("κ", "condition number λmax/λmin", "κ = 50 in the ravine"),
        new("θ", "all the parameters (weights) being trained", "θ = (x, y) on a 2-D surface"),
        new("w", "a single parameter, on the 1-D parabola", "L = w²"),
        new("x", "the first coordinate of a 2-D surface", "x² + 2y²"),
        new("y", "the second coordinate of a 2-D surface", "x² + 2y²"),
        new("L", "the loss", "L(θ)"),
        new("g", "the gradient ∇L(θ) used in one update", "θ − αg"),
        new("e", "the error: distance from the minimum, e = w − w*", "eₜ₊₁ = (1 − αλ)·eₜ"),
        new("m", "Adam's running average of gradients", "mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ"),
        new("v", "velocity (momentum) or Adam's running average of squared gradients", "v ← βv + g"),
        new("ε", "Adam's small constant that avoids dividing by zero", "1e-8"),
        new("T", "length of a schedule's cycle", "cos(πt/T)"),
        new("k", "a whole number of steps: epochs between two cuts in step decay, or the step index when t is continuous time", "α₀·γ^⌊t/k⌋"),
        new("B", "batch size", "×4 batch → ×2 rate"),
        new("d", "a derivative, as in the rate of change dθ/dt", "dθ/dt = −∇L(θ)"),
        new("c", "the Armijo constant: the share of the predicted decrease a line-search step must deliver", "c = 0.0001"),
    ];

    /// <summary>The symbols, for checking formulas.</summary>
    public static IReadOnlySet<string> Symbols { get; } = Entries.Select(e => e.Symbol).ToHashSet(StringComparer.Ordinal);
}
