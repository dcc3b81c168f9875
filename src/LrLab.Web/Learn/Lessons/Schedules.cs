namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 9: step, exponential, cosine, warm restarts, warmup, one-cycle.</summary>
public static class Schedules
{
    private static readonly string _step = MathMl.Block(
        "eta t equals eta 0 times gamma to the power floor of t over k",
        """<msub><mi>η</mi><mi>t</mi></msub><mo>=</mo><msub><mi>η</mi><mn>0</mn></msub><mo>·</mo><msup><mi>γ</mi><mrow><mo>⌊</mo><mi>t</mi><mo>/</mo><mi>k</mi><mo>⌋</mo></mrow></msup>""");

    private static readonly string _exp = MathMl.Block(
        "alpha t equals alpha 0 times decay to the t, or eta 0 times e to the minus lambda t",
        """<msub><mi>α</mi><mi>t</mi></msub><mo>=</mo><msub><mi>α</mi><mn>0</mn></msub><mo>·</mo><msup><mi>decay</mi><mi>t</mi></msup><mtext>&#160;or&#160;</mtext><msub><mi>η</mi><mi>t</mi></msub><mo>=</mo><msub><mi>η</mi><mn>0</mn></msub><mo>·</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>λ</mi><mi>t</mi></mrow></msup>""");

    private static readonly string _cosine = MathMl.Block(
        "alpha of t equals alpha min plus one half of alpha max minus alpha min, times 1 plus cosine of pi t over T",
        """<mi>α</mi><mo stretchy="false">(</mo><mi>t</mi><mo stretchy="false">)</mo><mo>=</mo><msub><mi>α</mi><mi>min</mi></msub><mo>+</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><mo stretchy="false">(</mo><msub><mi>α</mi><mi>max</mi></msub><mo>−</mo><msub><mi>α</mi><mi>min</mi></msub><mo stretchy="false">)</mo><mrow><mo>(</mo><mn>1</mn><mo>+</mo><mi>cos</mi><mfrac><mrow><mi>π</mi><mi>t</mi></mrow><mi>T</mi></mfrac><mo>)</mo></mrow>""");

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "schedules",
        "Schedules: changing the rate as you go",
        "Large strides to travel, small strides to settle, and a gentle start.",
        [
            new("Why change the rate", """
                <p>Early in training the weights are far from any good solution, and long strides cover ground. Near the
                end, the same strides hop around the minimum instead of settling into it. A schedule starts high and
                ends low. All of the shapes below can be drawn, compared and turned into PyTorch code on the
                <a href="schedules">Schedules</a> page.</p>
                """),
            new("Step decay", $"""
                <p>Keep the rate constant, then cut it by a factor γ every k epochs. The classic recipe: 0.01 for epochs
                1–30, 0.001 for epochs 31–60 and 0.0001 after that.</p>
                {_step}
                """),
            new("Exponential decay", $"""
                <p>Shrink the rate by the same factor every epoch:</p>
                {_exp}
                <p>With a factor of 0.95, after 10 epochs 0.95¹⁰ ≈ 0.60 of the rate is left, about 60 %.</p>
                """),
            new("Cosine annealing and warm restarts", $"""
                <p>Glide from α<sub>max</sub> to α<sub>min</sub> along half a cosine over T steps: slow at first, fastest in
                the middle, gentle at the end.</p>
                {_cosine}
                <p>With warm restarts the rate jumps back to α<sub>max</sub> at the end of each cycle and anneals again,
                often with each cycle longer than the last; the jump can shake the weights out of a poor basin.</p>
                """),
            new("Warmup", """
                <p>At the very start the weights are random and the first gradients are large and unreliable (and Adam's
                averages have not settled). Warmup ramps the rate up from nothing: for example from 0 to 0.01 over epochs
                1–5, then decays it to 0.0001 by epoch 100. Without it, the first few full-size steps can throw the
                weights somewhere training never recovers from.</p>
                """),
            new("One-cycle", """
                <p>One-cycle climbs from a low rate up to a maximum and then descends far below where it started, all in
                one pass over training. The high middle explores fast, the low end settles. It works well with SGD plus
                momentum.</p>
                """),
        ],
        [
            "Step decay: 0.01 for epochs 1–30, 0.001 for 31–60, 0.0001 after: η₀·γ^⌊t/k⌋.",
            "Exponential: α₀·decay^t (0.95 → about 60 % after 10 epochs), also written η₀·e^(−λt).",
            "Cosine: α(t) = α_min + ½(α_max − α_min)(1 + cos(πt/T)), optionally with warm restarts.",
            "Warmup: 0 → 0.01 over epochs 1–5, then decay to 0.0001 by epoch 100.",
            "One-cycle: up to a maximum, then down far below the start; good with SGD+momentum.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 0.48,
            Steps = 100,
            LrMax = 1,
            QuickRates = [0.1, 0.48],
            ScheduleChoices = ["step-decay", "exponential", "cosine", "cosine-warm-restarts", "warmup-cosine", "one-cycle"],
        },
        [
            new Experiment
            {
                Id = "constant-0.48",
                Instruction = "Run 0.48 with a constant rate (no schedule).",
                LrMin = 0.48,
                LrMax = 0.48,
                Schedule = "",
                Surface = "bowl",
                Lesson = "Close to the bowl's edge of 0.5 the steep direction keeps swinging from wall to wall, losing only a little height per bounce.",
            },
            new Experiment
            {
                Id = "exponential-0.48",
                Instruction = "Same base rate with the exponential schedule.",
                LrMin = 0.48,
                LrMax = 0.48,
                Schedule = "exponential",
                Surface = "bowl",
                Lesson = "As the rate decays the swings calm down: the schedule keeps the fast start and removes the late bouncing.",
            },
            new Experiment
            {
                Id = "warmup",
                Instruction = "Try the warmup-then-cosine schedule at any rate.",
                LrMin = 1e-5,
                LrMax = 3,
                Schedule = "warmup-cosine",
                Surface = "bowl",
                Lesson = "The first steps are tiny (the warmup), then the rate follows the cosine down.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "sched-warmup",
                Prompt = "What does warmup do?",
                Choices =
                [
                    "Starts with a tiny rate and raises it to the target over the first steps, so early unreliable gradients cannot throw the weights far off",
                    "Runs a few epochs at a very high rate to heat up the weights",
                    "Restarts the rate at its maximum every few epochs",
                    "Pre-trains the model on random data",
                ],
                CorrectChoice = 0,
                Explanation = "Warmup ramps the rate up from about zero (e.g. 0 → 0.01 over five epochs) and then hands over to the decay.",
            },
            new QuizQuestion
            {
                Id = "sched-exp",
                Prompt = "Exponential decay with factor 0.95 per epoch: what fraction of the starting rate is left after 10 epochs?",
                Answer = 0.5987,
                Tolerance = 0.01,
                Explanation = "0.95¹⁰ ≈ 0.599, about 60 %.",
            },
            new QuizQuestion
            {
                Id = "sched-cosine",
                Prompt = "Cosine annealing with α_max = 0.1, α_min = 0 and T = 100. What is the rate at t = 50?",
                Answer = 0.05,
                Tolerance = 0.0005,
                Explanation = "cos(π·50/100) = cos(π/2) = 0, so α = 0 + ½·0.1·(1 + 0) = 0.05: halfway.",
            },
            new QuizQuestion
            {
                Id = "sched-step",
                Prompt = "Step decay: 0.01 for epochs 1–30, 0.001 for epochs 31–60, 0.0001 after. What is the rate in epoch 45?",
                Answer = 0.001,
                Tolerance = 0.00001,
                Explanation = "Epoch 45 falls in the second block, 31–60, after one cut by 10×.",
            },
        ]);
}
