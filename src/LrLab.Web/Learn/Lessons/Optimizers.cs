namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 7: typical ranges per optimizer, Adam's update and why its base rate still matters.</summary>
public static class Optimizers
{
    private static readonly string _adam = MathMl.Block(
        "m t equals beta 1 m t minus 1 plus 1 minus beta 1 times g t; v t equals beta 2 v t minus 1 plus 1 minus beta 2 times g t squared; "
        + "m hat equals m t over 1 minus beta 1 to the t; v hat equals v t over 1 minus beta 2 to the t; "
        + "theta becomes theta minus alpha m hat over square root of v hat plus epsilon",
        """
        <mtable columnalign="left">
          <mtr><mtd><msub><mi>m</mi><mi>t</mi></msub><mo>=</mo><msub><mi>β</mi><mn>1</mn></msub><msub><mi>m</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>+</mo><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><msub><mi>β</mi><mn>1</mn></msub><mo stretchy="false">)</mo><msub><mi>g</mi><mi>t</mi></msub></mtd></mtr>
          <mtr><mtd><msub><mi>v</mi><mi>t</mi></msub><mo>=</mo><msub><mi>β</mi><mn>2</mn></msub><msub><mi>v</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>+</mo><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><msub><mi>β</mi><mn>2</mn></msub><mo stretchy="false">)</mo><msubsup><mi>g</mi><mi>t</mi><mn>2</mn></msubsup></mtd></mtr>
          <mtr><mtd><msub><mover><mi>m</mi><mo>^</mo></mover><mi>t</mi></msub><mo>=</mo><mfrac><msub><mi>m</mi><mi>t</mi></msub><mrow><mn>1</mn><mo>−</mo><msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup></mrow></mfrac><mo>,</mo><mspace width="1em"/><msub><mover><mi>v</mi><mo>^</mo></mover><mi>t</mi></msub><mo>=</mo><mfrac><msub><mi>v</mi><mi>t</mi></msub><mrow><mn>1</mn><mo>−</mo><msubsup><mi>β</mi><mn>2</mn><mi>t</mi></msubsup></mrow></mfrac></mtd></mtr>
          <mtr><mtd><mi>θ</mi><mo>←</mo><mi>θ</mi><mo>−</mo><mi>α</mi><mfrac><msub><mover><mi>m</mi><mo>^</mo></mover><mi>t</mi></msub><mrow><msqrt><msub><mover><mi>v</mi><mo>^</mo></mover><mi>t</mi></msub></msqrt><mo>+</mo><mi>ε</mi></mrow></mfrac></mtd></mtr>
        </mtable>
        """);

    // Momentum at 0.05 on the bowl, measured by Core: how far it swings past the floor and how long it takes against plain SGD.
    private static readonly string _momentumNote = MomentumAt(0.05);

    private static string MomentumAt(double lr)
    {
        var heavy = LessonRuns.Run(LessonRuns.Bowl, "momentum", lr);
        var plain = LessonRuns.Run(LessonRuns.Bowl, "sgd", lr);
        var min = LessonRuns.BowlCurvature.Minimum;
        var start = heavy.Steps[0].Params;
        return $"Momentum (β = 0.9) gathers speed and swings far past the floor: x goes from {LessonRuns.Text(start[0])} to "
            + $"{LessonRuns.Text(LessonRuns.FarthestPast(heavy, 0, min))} and y from {LessonRuns.Text(start[1])} to {LessonRuns.Text(LessonRuns.FarthestPast(heavy, 1, min))}, "
            + $"and it converges in {LessonRuns.Text(heavy.StepsToConverge)} steps against {LessonRuns.Text(plain.StepsToConverge)} for plain SGD at the same α. "
            + "On a round bowl the extra speed is wasted on the swings; momentum pays off in ravines and on long gentle slopes.";
    }

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "optimizers",
        "Optimizers and their rates",
        "Each optimizer has its own sensible range; Adam adapts per parameter but still needs a base rate.",
        [
            new("Typical ranges", """
                <p>The same number means different things to different optimizers. Typical ranges and the common
                default:</p>
                <table class="lesson-table" tabindex="0">
                  <thead><tr><th scope="col">optimizer</th><th scope="col">typical range</th><th scope="col">common default</th></tr></thead>
                  <tbody>
                    <tr><td>plain SGD</td><td>0.01–0.1</td><td>0.01</td></tr>
                    <tr><td>SGD + momentum</td><td>0.001–0.1</td><td>0.01</td></tr>
                    <tr><td>RMSprop</td><td>0.0001–0.01</td><td>0.001</td></tr>
                    <tr><td>Adam</td><td>0.00001–0.001</td><td>0.001</td></tr>
                  </tbody>
                </table>
                """),
            new("Adam in four lines", $"""
                <p>Adam keeps two running averages per parameter: m, of the gradient g (its direction), and v, of the
                squared gradient (its typical size). Both start at zero, so early on they are divided by
                1 − β<sup>t</sup> to undo that bias. The step divides one by the square root of the other:</p>
                {_adam}
                <p>Defaults: α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.</p>
                """),
            new("Per-parameter rates, one base rate", """
                <p>Dividing by √v̂ rescales every coordinate separately: a parameter with big gradients gets smaller
                steps, one with tiny gradients larger ones. In effect each parameter has its own rate, which is why Adam
                copes with ravines and is more forgiving than SGD, and why it needs lower rates than SGD. But after the
                division each step is roughly α long, whatever the gradient. So α still decides how far every parameter
                moves: the base rate still matters. And Adam is not always best: well-tuned SGD with momentum and a
                schedule can beat it on final accuracy.</p>
                """),
        ],
        [
            "Typical ranges (default): plain SGD 0.01–0.1 (0.01); SGD+momentum 0.001–0.1 (0.01); RMSprop 0.0001–0.01 (0.001); Adam 0.00001–0.001 (0.001).",
            "Adam defaults: α 0.001, β₁ 0.9, β₂ 0.999.",
            "Adam needs lower rates than SGD and is more forgiving, but the base rate still matters.",
            "Well-tuned SGD with a schedule can beat Adam.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Optimizer = "adam",
            Lr = 0.001,
            Steps = 200,
            LrMin = 1e-5,
            LrMax = 3,
            QuickRates = [0.001, 0.01, 0.1, 0.5],
            OptimizerChoices = ["sgd", "momentum", "rmsprop", "adam"],
        },
        [
            new Experiment
            {
                Id = "adam-default",
                Instruction = "Run Adam at its default, 0.001, on the bowl.",
                LrMin = 0.001,
                LrMax = 0.001,
                Optimizer = "adam",
                Surface = "bowl",
                Lesson = "Adam moves each coordinate about α per step, so 200 steps of 0.001 cover only 0.2 of a trip of 4 or 5. The default suits networks, not this toy.",
            },
            new Experiment
            {
                Id = "adam-0.1",
                Instruction = "Give Adam a base rate of 0.1.",
                LrMin = 0.1,
                LrMax = 0.1,
                Optimizer = "adam",
                Surface = "bowl",
                Lesson = "Same optimizer, a hundred times the base rate, a completely different run: α still sets the stride.",
            },
            new Experiment
            {
                Id = "momentum",
                Instruction = "Switch to SGD with momentum and try 0.05.",
                LrMin = 0.05,
                LrMax = 0.05,
                Optimizer = "momentum",
                Surface = "bowl",
                Lesson = _momentumNote,
            },
            new Experiment
            {
                Id = "predict-adam-0.5",
                Instruction = "Run Adam at 0.5 on the bowl.",
                LrMin = 0.5,
                LrMax = 0.5,
                Optimizer = "adam",
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    "Plain SGD at 0.5 bounces forever on this bowl. What will Adam do at 0.5?",
                    ["It converges", "It bounces forever or blows up, like SGD"],
                    seen => seen.StepsToConverge is null ? 1 : 0),
                Lesson = "Adam's steps are about α long whatever the curvature, so plain SGD's limit 2/λmax is not its limit: on the bowl 0.5 converges.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "opt-sgd-range",
                Prompt = "Which is the typical learning-rate range for plain SGD?",
                Choices = ["0.00001–0.001", "1–10", "0.0001–0.01", "0.01–0.1"],
                CorrectChoice = 3,
                ChoiceExplanations =
                [
                    "That is Adam's range. Adam divides each step by the gradient's typical size, so its rate is a stride length; plain SGD multiplies the raw gradient and needs larger numbers.",
                    "Rates of 1 and more overshoot on most losses; even our gentle bowl diverges above 0.5.",
                    "That is RMSprop's range, which normalises its steps like Adam does.",
                    "",
                ],
                Explanation = "Plain SGD: 0.01–0.1 with 0.01 as the common default. 0.00001–0.001 is Adam's range, 0.0001–0.01 RMSprop's.",
            },
            new QuizQuestion
            {
                Id = "opt-beta2",
                Prompt = "What is Adam's default β₂?",
                Answer = 0.999,
                Tolerance = 0.0001,
                Hint = "β₂ averages the squared gradient over a long memory, about a thousand steps, so it is very close to 1. β₁ is the one that is 0.9.",
                Explanation = "Adam's defaults are α = 0.001, β₁ = 0.9, β₂ = 0.999.",
            },
            new QuizQuestion
            {
                Id = "opt-base-rate",
                Prompt = "Adam adapts a rate for every parameter. Why does its base rate α still matter?",
                Choices =
                [
                    "After dividing by √v̂ every step is roughly α long, so α sets how far each parameter moves",
                    "It does not; Adam ignores α",
                    "α is only used in the first step",
                    "α only sets β₁",
                ],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "",
                    "α multiplies every Adam step; set it to zero and nothing moves. The per-parameter scaling adjusts around α, it does not replace it.",
                    "α is used in every update, not just the first; only the bias correction fades out over the first steps.",
                    "β₁ is a separate setting (default 0.9) for the gradient average; α does not set it.",
                ],
                Explanation = "The division normalises the gradient's size away, leaving α as the stride: too large jitters or diverges, too small crawls.",
            },
            new QuizQuestion
            {
                Id = "opt-momentum-bowl",
                Prompt = "On the round bowl at α = 0.05, SGD with momentum β = 0.9 is compared with plain SGD. Which is true?",
                Choices =
                [
                    "Momentum converges in fewer steps and never crosses the floor",
                    "Momentum swings well past the floor and needs more steps than plain SGD here",
                    "Both runs are identical: momentum only matters with noise",
                    "Momentum diverges at 0.05",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "Momentum keeps part of the last step, so by the time the marker reaches the bottom it is moving fast and rolls past it.",
                    "",
                    "The velocity v ← βv + g changes every step even without noise: each update carries 0.9 of the previous one.",
                    $"Heavy ball on the bowl is stable up to (2 + 2β)/λmax = {LessonRuns.Text(LessonRuns.HeavyBallLimit(LessonRuns.Bowl, 0.9))}, far above 0.05.",
                ],
                Explanation = _momentumNote,
            },
        ]);
}
