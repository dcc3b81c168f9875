using LrLab.Core.Surfaces;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 10: choosing the stride by trying it first.</summary>
public static class LineSearch
{
    private static readonly string _armijo = MathMl.Block(
        "accept alpha when L of theta minus alpha g is at most L of theta minus c alpha times the squared norm of g",
        """<mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo>−</mo><mi>α</mi><mi>g</mi><mo stretchy="false">)</mo><mo>≤</mo><mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>−</mo><mi>c</mi><mi>α</mi><msup><mrow><mo>‖</mo><mi>g</mi><mo>‖</mo></mrow><mn>2</mn></msup>""");

    private static readonly string _trace = LineSearchTrace.ToHtml(LineSearchTrace.Run(SurfaceCatalog.Find("ravine")!, 3));

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "line-search",
        "Line search: try before you step",
        "Instead of fixing the stride in advance, test a few along the way down and keep one that works.",
        [
            new("The idea", $"""
                <p>Every rule so far fixed α before looking at the ground. Line search looks first: it tries a few points
                along the descent direction before committing to a step. The common version, backtracking, starts with a
                bold trial α and halves it until the loss at the trial point is lower by a fair share of what the slope
                promised (the Armijo condition, with a small c such as 0.0001):</p>
                {_armijo}
                """),
            new("Three updates on the ravine", $"""
                <p>Here is backtracking on the ravine 0.5x² + 25y² from (−4, 1), starting every update at α = 1, computed
                by the same engine as the widget. The first trials land far up the steep walls and are rejected; the
                kept step is short enough not to overshoot across the valley.</p>
                {_trace}
                """),
            new("Costs and uses", """
                <p>Each trial costs an extra evaluation of the loss, which for a network is a forward pass, and mini-batch
                losses are noisy, so a trial can look good by luck. That is why deep learning rarely uses line search
                and prefers a tuned rate with a schedule, while classic optimizers such as L-BFGS rely on it. The idea
                is still worth holding on to: a good rate is the stride that actually lowers the loss from where you
                stand.</p>
                """),
        ],
        [
            "Line search: try a few points along the descent direction before committing to a step.",
            "Backtracking starts with a large trial α and halves it until the loss drops enough (Armijo condition).",
            "Each trial costs an extra loss evaluation, and noisy mini-batch losses make it rare in deep learning.",
        ],
        new WidgetPreset
        {
            Surface = "ravine",
            Lr = 0.03,
            Steps = 200,
            LrMax = 1,
            QuickRates = [0.02, 0.039, 0.041],
        },
        [
            new Experiment
            {
                Id = "edge",
                Instruction = "Find a fixed rate just below the ravine's limit of 0.04 (between 0.035 and 0.04) and run it.",
                LrMin = 0.035,
                LrMax = 0.0399,
                Surface = "ravine",
                Lesson = "Just under the edge it still converges, but the steep direction rings for a long time. A line search finds a safe stride at every point without you hunting for the edge.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "ls-how",
                Prompt = "How does a backtracking line search pick the step?",
                Choices =
                [
                    "It tries step sizes along the descent direction, shrinking a large trial until the loss drops enough, then commits",
                    "It always uses the optimizer's default rate",
                    "It picks a random step size each update",
                    "It doubles the step every update",
                ],
                CorrectChoice = 0,
                Explanation = "Try, check the loss, halve if it did not drop enough (the Armijo condition), commit once it did.",
            },
            new QuizQuestion
            {
                Id = "ls-rare",
                Prompt = "Why is line search rare when training neural networks?",
                Choices =
                [
                    "It is not allowed with backpropagation",
                    "It only works in one dimension",
                    "It always picks too small a step",
                    "Every trial costs another forward pass, and mini-batch losses are too noisy to judge trials reliably",
                ],
                CorrectChoice = 3,
                Explanation = "The extra loss evaluations are expensive for a network, and noise in mini-batch losses can accept or reject trials by chance.",
            },
        ]);
}
