namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 10: choosing the stride by trying it first.</summary>
public static class LineSearch
{
    private static readonly string _armijo = MathMl.Block(
        "accept alpha when L of theta minus alpha g is at most L of theta minus c alpha times the squared norm of g",
        """<mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo>−</mo><mi>α</mi><mi>g</mi><mo stretchy="false">)</mo><mo>≤</mo><mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>−</mo><mi>c</mi><mi>α</mi><msup><mrow><mo>‖</mo><mi>g</mi><mo>‖</mo></mrow><mn>2</mn></msup>""");

    private static readonly IReadOnlyList<LineSearchTrial> _trials = LineSearchTrace.Run(LessonRuns.Ravine, 3);

    private static readonly string _trace = LineSearchTrace.ToHtml(_trials);

    // The first kept trial and what it does across the valley: 1 − αλmax is still negative, so the step crosses the floor.
    private static readonly double _kept = _trials.First(t => t.Accepted).StepSize;

    private static readonly double _keptFactor = 1 - (_kept * LessonRuns.RavineCurvature.LambdaMax);

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
                by the same engine as the widget. The first trials land far up the steep walls and are rejected. The
                kept step is <em>not</em> short enough to stay on this side of the valley: the first update keeps
                α = {LessonRuns.Text(_kept, 4)}, and across the valley (curvature {LessonRuns.Text(LessonRuns.RavineCurvature.LambdaMax)}) that multiplies the error by
                1 − {LessonRuns.Text(_kept, 4)}·{LessonRuns.Text(LessonRuns.RavineCurvature.LambdaMax)} = {LessonRuns.Text(_keptFactor, 4)}, so the marker still crosses the
                floor. It lands lower than it started, and that is all the Armijo condition asks for: enough decrease,
                not no overshoot.</p>
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
            new Experiment
            {
                Id = "predict-0.041",
                Instruction = "Run a fixed 0.041 on the ravine.",
                LrMin = 0.041,
                LrMax = 0.041,
                Surface = "ravine",
                Predict = new ExperimentPrediction(
                    "0.041 is 2.5 % above the ravine's limit. What will a fixed rate do?",
                    ExperimentPrediction.Regimes,
                    ExperimentPrediction.ByRegime),
                Lesson = "Above 2/λmax the factor across the valley is below −1, however slightly: the bounce grows every step. A line search would simply have rejected such a step.",
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
                ChoiceExplanations =
                [
                    "",
                    "A fixed default is exactly what line search avoids: it looks at the ground at every update and adapts the stride to it.",
                    "The trials are not random: they start large and shrink by a fixed factor (here, halving) until the loss drops enough.",
                    "Doubling every update would soon overshoot everything; backtracking shrinks a trial that fails instead.",
                ],
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
                ChoiceExplanations =
                [
                    "Backpropagation gives the gradient; a line search only needs extra loss values along it, which any network can compute.",
                    "The search is along one line, the descent direction, but that line lives in the full weight space: it works in any number of dimensions.",
                    "Backtracking keeps the first trial that passes, often a bold one; the trouble is cost and noise, not timidity.",
                    "",
                ],
                Explanation = "The extra loss evaluations are expensive for a network, and noise in mini-batch losses can accept or reject trials by chance.",
            },
            new QuizQuestion
            {
                Id = "ls-overshoot",
                Prompt = $"On the ravine the first update keeps α = {LessonRuns.Text(_kept, 4)}. Across the valley (curvature 50), what is the factor 1 − αλ?",
                Answer = _keptFactor,
                Tolerance = 0.001,
                Hint = "Multiply the kept α by 50 and subtract the product from 1.",
                Explanation = $"1 − {LessonRuns.Text(_kept, 4)}·50 = {LessonRuns.Text(_keptFactor, 4)}. A negative factor means the step crosses the valley floor: the Armijo condition accepted an overshooting step because it lowered the loss enough.",
            },
            new QuizQuestion
            {
                Id = "ls-armijo",
                Prompt = "What does the Armijo condition guarantee about a kept step?",
                Choices =
                [
                    "The step does not overshoot the minimum",
                    "The loss drops by at least a small fraction c of what the slope predicts for that step",
                    "The step is the best one along the line",
                    "The step is shorter than 2/λmax",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "Armijo compares loss values only. A step can land on the far side of the valley and still be accepted if the loss there is low enough, as the ravine trace shows.",
                    "",
                    "Backtracking stops at the first trial that passes; a shorter or longer step might lower the loss more.",
                    "The condition never looks at curvature. On the ravine it often keeps steps longer than 1/λmax, which cross the floor.",
                ],
                Explanation = "L(θ − αg) ≤ L(θ) − cα‖g‖²: enough decrease, nothing more. That is enough to make steady progress without knowing λmax.",
            },
        ]);
}
