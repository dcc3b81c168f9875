namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 4: overshoot, the (1 − αλ) factor, oscillation versus divergence.</summary>
public static class TooLarge
{
    private static readonly string _factor = MathMl.Block(
        "e t plus 1 equals 1 minus alpha lambda, times e t",
        """<msub><mi>e</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub><mo>=</mo><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><mi>α</mi><mi>λ</mi><mo stretchy="false">)</mo><mo>·</mo><msub><mi>e</mi><mi>t</mi></msub>""");

    private static readonly string _window = MathMl.Inline(
        "0 less than alpha less than 2 over lambda",
        """<mn>0</mn><mo>&lt;</mo><mi>α</mi><mo>&lt;</mo><mfrac><mn>2</mn><mi>λ</mi></mfrac>""");

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "too-large",
        "Too large: overshoot and blow-up",
        "Strides longer than the distance to the minimum bounce, grow and end in NaN.",
        [
            new("Symptoms", """
                <p>The loss bounces instead of falling: 0.5 → 0.3 → 0.8 → 0.2 → 1.5. Over time it may rise, spike to
                <code>inf</code> and then turn into <code>NaN</code>. A nasty variant: training fails abruptly after
                seeming progress for a while. In the lab the marker zig-zags across the valley or flies off the map.</p>
                """),
            new("Why it happens", """
                <p>If a step is longer than the distance to the minimum, it overshoots and lands on the opposite wall.
                That wall is steep, so the gradient there is even bigger and the next step throws the marker back
                further still. Each bounce feeds the next until the numbers overflow.</p>
                """),
            new("The factor (1 − αλ)", $"""
                <p>On a one-dimensional quadratic with curvature λ (for L = w², λ = 2) the gradient is λ times the error
                e = w − w* (after t updates, e<sub>t</sub>), so one update multiplies the error by the same factor every step:</p>
                {_factor}
                <ul>
                  <li>0 &lt; α &lt; 1/λ: the factor is between 0 and 1, the error shrinks without changing sign (monotone).</li>
                  <li>1/λ &lt; α &lt; 2/λ: the factor is between −1 and 0, the error flips sign every step but still shrinks (oscillating convergence).</li>
                  <li>α &gt; 2/λ: the factor is below −1, every step grows the error (divergence).</li>
                </ul>
                <p>So plain gradient descent converges exactly for {_window}: monotone below 1/λ, sign-flipping between
                1/λ and 2/λ, diverging above 2/λ. On L = w² that means α = 0.1 gives the factor 0.8, α = 1.5 the factor −2.</p>
                """),
            new("Building intuition on the bowl", """
                <p>The default bowl x² + 2y² has curvature 2 along x and 4 along y. At 0.3 oscillation begins (0.3 is
                above 1/4). At 0.5 the steep direction's factor is 1 − 0.5·4 = −1, so it bounces forever at the same
                height; at 0.5 and above gradient descent does not converge, and above 0.5 it diverges. Since the edge is
                2/λ = 0.5, the bowl's largest curvature is exactly 4.</p>
                """),
            EdgeOfStabilitySection.Section,
        ],
        [
            "Too large: the loss bounces (0.5 → 0.3 → 0.8 → 0.2 → 1.5), rises, or spikes to inf or NaN.",
            "Training can fail abruptly after seeming progress; the marker zig-zags across a valley or flies off.",
            "Each step multiplies the error by (1 − αλ): converges for 0 < α < 2/λ, monotone below 1/λ, oscillating between 1/λ and 2/λ, diverging above 2/λ.",
            "Default bowl: 0.3 starts to oscillate, 0.5 bounces forever, above 0.5 diverges, so its largest curvature is exactly 4.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 0.3,
            Steps = 100,
            QuickRates = [0.2, 0.3, 0.5, 0.6],
        },
        [
            new Experiment
            {
                Id = "oscillate-0.3",
                Instruction = "Run 0.3 on the bowl: where does the zig-zag start?",
                LrMin = 0.3,
                LrMax = 0.3,
                Surface = "bowl",
                Lesson = "Along the steep y direction the factor is 1 − 0.3·4 = −0.2: the marker crosses the floor every step, but the swings die out.",
            },
            new Experiment
            {
                Id = "bounce-0.5",
                Instruction = "Set exactly 0.5, the bowl's edge.",
                LrMin = 0.5,
                LrMax = 0.5,
                Surface = "bowl",
                Lesson = "The factor along y is exactly −1: the marker bounces between the same two walls forever.",
            },
            new Experiment
            {
                Id = "diverge",
                Instruction = "Go past the edge: anything above 0.5.",
                LrMin = 0.501,
                LrMax = 3,
                Surface = "bowl",
                Lesson = "The factor is below −1, so every bounce is bigger than the last; given enough steps the loss overflows to inf and then NaN.",
            },
            new Experiment
            {
                Id = "predict-0.45",
                Instruction = "Run 0.45 on the bowl.",
                LrMin = 0.45,
                LrMax = 0.45,
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    "0.45 is between 1/λmax = 0.25 and 2/λmax = 0.5. What will the marker do?",
                    ExperimentPrediction.Regimes,
                    ExperimentPrediction.ByRegime),
                Lesson = "Across the steep direction the factor is 1 − 0.45·4 = −0.8: it crosses every step and still shrinks. Oscillation is not divergence.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "large-cause",
                Prompt = "The loss rises over time, or swings wildly from step to step. What do you suspect first?",
                Choices =
                [
                    "The learning rate is too small",
                    "The learning rate is too large",
                    "The batch is too large",
                    "The model is too small",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "A too-small rate makes the loss fall slowly; it cannot push it up, because tiny steps along −∇L always go downhill.",
                    "",
                    "A larger batch averages more examples and makes the gradient less noisy; it calms the swings rather than causing them.",
                    "A small model may stop improving early, but it does not make the loss rise or swing from step to step.",
                ],
                Explanation = "Overshooting steps land on the far wall where the gradient is larger, so the loss bounces and grows. Lower the rate.",
            },
            new QuizQuestion
            {
                Id = "large-limit",
                Prompt = "A one-dimensional quadratic has curvature λ = 10. Above which rate does plain gradient descent diverge?",
                Answer = 0.2,
                Tolerance = 0.001,
                Hint = "The factor 1 − αλ must stay above −1. Solve 1 − α·10 = −1 for α.",
                Explanation = "The limit is 2/λ = 2/10 = 0.2; above it the factor 1 − αλ is below −1.",
            },
            new QuizQuestion
            {
                Id = "large-window",
                Prompt = "What happens for a rate between 1/λ and 2/λ?",
                Choices =
                [
                    "It diverges",
                    "It converges smoothly without overshooting",
                    "It converges, but the error changes sign every step (oscillation)",
                    "It stops moving",
                ],
                CorrectChoice = 2,
                ChoiceExplanations =
                [
                    "Divergence needs a factor below −1, which only happens above 2/λ. Between 1/λ and 2/λ the factor is between −1 and 0, so the error still shrinks.",
                    "Smooth, one-sided convergence is the range below 1/λ, where the factor stays positive. Past 1/λ it turns negative: every step crosses the minimum.",
                    "",
                    "The rate is not zero, so the weights move every step; they keep crossing the minimum.",
                ],
                Explanation = "The factor 1 − αλ lies between −1 and 0: each step overshoots, but by less than the step before.",
            },
            new QuizQuestion
            {
                Id = "large-factor",
                Prompt = "On the bowl at α = 0.5, what is the factor 1 − αλ along its steepest direction, λ = 4?",
                Answer = -1,
                Tolerance = 0.001,
                Hint = "Multiply α by λ first, then subtract from 1. The result can be negative.",
                Explanation = "1 − 0.5·4 = −1: the error keeps its size and flips sign, a bounce that never ends.",
            },
        ]);
}
