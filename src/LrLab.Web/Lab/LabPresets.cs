namespace LrLab.Web.Lab;

/// <summary>The lab's cookbook: each preset is data, appears in the preset menu, and is run by a test.</summary>
public static class LabPresets
{
    /// <summary>Every preset, in menu order.</summary>
    public static IReadOnlyList<LabPreset> All { get; } =
    [
        new("bowl-0.001", "Bowl at 0.001: count the steps", "The marker barely moves and the loss falls in tiny increments. Count how many steps it would need.", new LabState { Surface = "bowl", Lr = 0.001 }, "too small (crawling)"),
        new("bowl-0.05", "Bowl at 0.05: smooth progress", "A steady glide into the minimum: big steps at first, smaller as the slope flattens.", new LabState { Surface = "bowl", Lr = 0.05 }, "just right (smooth)"),
        new("bowl-0.3", "Bowl at 0.3: oscillation begins", "Above 1/λmax = 0.25 the steep direction overshoots: the marker zig-zags across the valley, yet still settles.", new LabState { Surface = "bowl", Lr = 0.3 }, "just right (oscillating)"),
        new("bowl-0.5", "Bowl at 0.5: bouncing forever", "Exactly 2/λmax: the steep coordinate jumps to its mirror image every step and never settles.", new LabState { Surface = "bowl", Lr = 0.5 }, "too large"),
        new("bowl-0.6", "Bowl at 0.6: divergence", "Above 2/λmax every step lands further out than the last until the loss overflows.", new LabState { Surface = "bowl", Lr = 0.6 }, "too large (diverging)"),
        new("bowl-race", "Race four rates on the bowl", "0.001 crawls, 0.05 glides, 0.3 bounces in, 0.6 flies off: the same surface and start, side by side.", new LabState { Surface = "bowl", Lr = 0.05, Compare = [0.001, 0.05, 0.3, 0.6] }, "just right (smooth)"),
        new("ravine-0.05", "Ravine at the bowl's good rate", "0.05 glides on the bowl, but the ravine's walls are 12.5× steeper (λmax = 50, 2/λmax = 0.04): the same rate throws the point from wall to wall and out.", new LabState { Surface = "ravine", Lr = 0.05 }, "too large (diverging)"),
        new("ravine-race", "Ravine: bounce versus slide", "At 0.035 the point bounces between the steep walls; at 0.01 it stays on the floor but creeps along the flat direction.", new LabState { Surface = "ravine", Lr = 0.035, Compare = [0.035, 0.01], Steps = 300 }, "oscillating"),
        new("parabola-1.5", "w² worked example: α = 1.5", "L = w² from w = 4: the first step goes to 4 − 1.5·8 = −8, the next to 16. Step through it and watch the loss go 16 → 64 → 256.", new LabState { Surface = "parabola", Lr = 1.5, Steps = 12 }, "too large (diverging)"),
        new("parabola-0.1", "w² worked example: α = 0.1", "From w = 4: 4 − 0.1·8 = 3.2, then 2.56, … each step keeps 80 % of w.", new LabState { Surface = "parabola", Lr = 0.1, Steps = 60 }, "just right (smooth)"),
        new("ravine-linesearch", "Line search on the ravine at α₀ = 0.05", "The fixed rate 0.05 diverges here (2/λmax = 0.04). Backtracking starts each update at 0.05 and shortens it until the loss falls enough: step through and watch the rejected trials before each move. The panel below the lab puts its path beside the fixed rate's.", new LabState { Surface = "ravine", Optimizer = LabSimulation.LineSearch, Lr = 0.05 }, "just right"),
        new("ravine-optimizers", "Optimizers race on the ravine", "Four optimizers from the same start, each at a rate that suits it: plain SGD at 0.03 zig-zags between the walls every step (above 1/λmax = 0.02), momentum at 0.01 swings across the valley floor in wide arcs that shrink each time, Adam at 0.1 drifts over the floor and back in a few slow, shallow swings, and line search from α₀ = 0.05 cuts its first step whenever it would overshoot. All four cross the floor more than once, yet all settle. Click a run in the legend to read its verdict and step.", new LabState { Surface = "ravine", Optimizer = "sgd", Lr = 0.03, Race = [new("sgd", 0.03), new("momentum", 0.01), new("adam", 0.1), new(LabSimulation.LineSearch, 0.05)] }, "just right (oscillating)"),
        new("adam-ravine", "Adam on the ravine", "Adam scales each coordinate by its own gradient size, so the steep wall no longer dictates the rate: 0.1 works where plain gradient descent diverges above 0.04.", new LabState { Surface = "ravine", Optimizer = "adam", Lr = 0.1, Steps = 300 }, "just right"),
    ];

    /// <summary>The preset with this id, if any.</summary>
    public static LabPreset? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}
