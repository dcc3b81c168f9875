using LrLab.Core.Schedules;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 9: step, exponential, cosine, warm restarts, warmup, one-cycle.</summary>
public static class Schedules
{
    private static readonly string _step = MathMl.Block(
        "alpha t equals alpha 0 times gamma to the power floor of t over k",
        """<msub><mi>α</mi><mi>t</mi></msub><mo>=</mo><msub><mi>α</mi><mn>0</mn></msub><mo>·</mo><msup><mi>γ</mi><mrow><mo>⌊</mo><mi>t</mi><mo>/</mo><mi>k</mi><mo>⌋</mo></mrow></msup>""");

    private static readonly string _exp = MathMl.Block(
        "alpha t equals alpha 0 times gamma to the t",
        """<msub><mi>α</mi><mi>t</mi></msub><mo>=</mo><msub><mi>α</mi><mn>0</mn></msub><mo>·</mo><msup><mi>γ</mi><mi>t</mi></msup>""");

    // Exponential decay as a fraction of the start after ten epochs, from Core's ExponentialLR.
    private static readonly double _left = new ExponentialLr(0.95).At(10, 1.0);

    private static readonly string _cosine = MathMl.Block(
        "alpha of t equals alpha min plus one half of alpha max minus alpha min, times 1 plus cosine of pi t over T",
        """<mi>α</mi><mo stretchy="false">(</mo><mi>t</mi><mo stretchy="false">)</mo><mo>=</mo><msub><mi>α</mi><mi>min</mi></msub><mo>+</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><mo stretchy="false">(</mo><msub><mi>α</mi><mi>max</mi></msub><mo>−</mo><msub><mi>α</mi><mi>min</mi></msub><mo stretchy="false">)</mo><mrow><mo>(</mo><mn>1</mn><mo>+</mo><mi>cos</mi><mfrac><mrow><mi>π</mi><mi>t</mi></mrow><mi>T</mi></mfrac><mo>)</mo></mrow>""");

    // Steps a constant 0.48 needs on the bowl in the widget's 100 steps, measured by Core.
    private static readonly int _constantSteps = LessonRuns.Run(LessonRuns.Bowl, "sgd", 0.48, 100).StepsToConverge ?? 100;

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
                <p>Notation, as in the rest of the course: α<sub>t</sub> is the rate used during epoch t, α<sub>0</sub>
                the starting rate, γ a decay factor, and t counts from 0, so the first epoch is t = 0 and α<sub>0</sub>
                is its rate. (That is also how PyTorch counts: the rate after t calls of <code>scheduler.step()</code>.)</p>
                """),
            new("Step decay", $"""
                <p>Keep the rate constant, then multiply it by a factor γ every k epochs. The classic recipe: 0.01 for
                epochs 1–30, 0.001 for epochs 31–60 and 0.0001 after that, which is α<sub>0</sub> = 0.01, γ = 0.1,
                k = 30 (epoch 31 is t = 30, the first with ⌊t/k⌋ = 1):</p>
                {_step}
                """),
            new("Exponential decay", $"""
                <p>Multiply the rate by the same factor γ every epoch:</p>
                {_exp}
                <p>With γ = 0.95, after 10 epochs (at t = 10) 0.95¹⁰ ≈ {LessonRuns.Text(_left, 2)} of the rate is left, about
                {LessonRuns.Percent(_left)}.</p>
                <p class="alt-notation">You will meet other letters for the same things. Papers and the PyTorch docs
                often write η for the rate and give step decay as η₀·γ^⌊t/k⌋ and exponential decay as α₀·decay^t,
                or as η₀·e^(−λt) with a decay constant λ. That λ has nothing to do with curvature: it is −ln γ. This
                course keeps α for the rate, γ for the factor and λ for curvature only.</p>
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
            "Step decay: 0.01 for epochs 1–30, 0.001 for 31–60, 0.0001 after: α_t = α₀·γ^⌊t/k⌋ with γ = 0.1, k = 30, t counted from 0.",
            "Exponential: α_t = α₀·γ^t (γ = 0.95 → about 60 % after 10 epochs).",
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
                Lesson = $"Close to the bowl's edge of {LessonRuns.Text(LessonRuns.BowlTheory.GradientDescentLimit)} the steep direction keeps swinging from wall to wall, losing only a little height per bounce.",
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
            new Experiment
            {
                Id = "predict-exponential",
                Instruction = "Run 0.48 with the exponential schedule.",
                LrMin = 0.48,
                LrMax = 0.48,
                Schedule = "exponential",
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    $"A constant 0.48 needs {LessonRuns.Text(_constantSteps)} steps on the bowl. With the rate shrinking by 5 % a step, will it converge faster or slower?",
                    ["Faster", "Slower"],
                    seen => seen.StepsToConverge is { } n && n < _constantSteps ? 0 : 1),
                Lesson = "The shrinking rate moves the steep direction's factor away from −1 within a few steps, so the bouncing dies out sooner.",
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
                ChoiceExplanations =
                [
                    "",
                    "Warmup does the opposite: the first steps are the smallest, because early gradients are large and unreliable.",
                    "Jumping back to the maximum is what warm restarts do, over and over; warmup happens once, at the start.",
                    "Warmup trains the real model on the real data from the first step; only the rate is lowered.",
                ],
                Explanation = "Warmup ramps the rate up from about zero (e.g. 0 → 0.01 over five epochs) and then hands over to the decay.",
            },
            new QuizQuestion
            {
                Id = "sched-exp",
                Prompt = "Exponential decay with factor 0.95 per epoch: what fraction of the starting rate is left after 10 epochs?",
                Answer = _left,
                Tolerance = 0.01,
                Form = NumericForm.Fraction,
                Hint = "Each epoch keeps 95 % of the rate, so ten epochs keep 0.95 multiplied by itself ten times, not 1 − 10·0.05.",
                Explanation = $"0.95¹⁰ ≈ {LessonRuns.Text(_left)}, about {LessonRuns.Percent(_left)}.",
            },
            new QuizQuestion
            {
                Id = "sched-cosine",
                Prompt = "Cosine annealing with α_max = 0.1, α_min = 0 and T = 100. What is the rate at t = 50?",
                Answer = 0.05,
                Tolerance = 0.0005,
                Hint = "At t = T/2 the angle πt/T is π/2. What is its cosine?",
                Explanation = "cos(π·50/100) = cos(π/2) = 0, so α = 0 + ½·0.1·(1 + 0) = 0.05: halfway.",
            },
            new QuizQuestion
            {
                Id = "sched-step",
                Prompt = "Step decay: 0.01 for epochs 1–30, 0.001 for epochs 31–60, 0.0001 after. What is the rate in epoch 45?",
                Answer = new StepLr(30, 0.1).At(44, 0.01),
                Tolerance = 0.00001,
                Hint = "Epoch 45 is t = 44. How many whole blocks of 30 epochs have passed?",
                Explanation = "Epoch 45 is t = 44 and ⌊44/30⌋ = 1: one cut by 10×, so 0.01·0.1 = 0.001.",
            },
            new QuizQuestion
            {
                Id = "sched-lambda",
                Prompt = "A paper writes its exponential schedule as <span class=\"alt-notation\">η₀·e^(−λt)</span>. What is that λ?",
                Choices =
                [
                    "The curvature of the loss, as in the limit 2/λ",
                    "A decay constant: the same schedule as α₀·γ^t with γ = e^(−λ)",
                    "The learning rate",
                    "The number of epochs",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "Same letter, different meaning: the schedule does not know the loss's curvature at all. It is a fixed function of t.",
                    "",
                    "The rate is the factor in front of the exponential (our α₀); λ only sets how fast it shrinks.",
                    "t counts the epochs; λ multiplies t in the exponent.",
                ],
                Explanation = "Write γ = e^(−λ) and the schedule becomes α₀·γ^t: plain exponential decay. This course writes it that way and keeps λ for curvature.",
            },
        ]);
}
