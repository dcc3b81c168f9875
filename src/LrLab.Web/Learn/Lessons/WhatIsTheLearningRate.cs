namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 1: the update rule, the stride analogy and L = w² stepped by hand.</summary>
public static class WhatIsTheLearningRate
{
    private static readonly string _rule = MathMl.Block(
        "theta becomes theta minus alpha times the gradient of L at theta",
        """<mi>θ</mi><mo>←</mo><mi>θ</mi><mo>−</mo><mi>α</mi><mo>·</mo><mo>∇</mo><mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo>""");

    private static readonly string _small = MathMl.Block(
        "w 1 equals 4 minus 0.1 times 8 equals 3.2",
        """<msub><mi>w</mi><mn>1</mn></msub><mo>=</mo><mn>4</mn><mo>−</mo><mn>0.1</mn><mo>·</mo><mn>8</mn><mo>=</mo><mn>3.2</mn>""");

    private static readonly string _large = MathMl.Block(
        "w 1 equals 4 minus 1.5 times 8 equals minus 8",
        """<msub><mi>w</mi><mn>1</mn></msub><mo>=</mo><mn>4</mn><mo>−</mo><mn>1.5</mn><mo>·</mo><mn>8</mn><mo>=</mo><mo>−</mo><mn>8</mn>""")
        + MathMl.Block(
        "w 2 equals minus 8 minus 1.5 times minus 16 equals 16",
        """<msub><mi>w</mi><mn>2</mn></msub><mo>=</mo><mo>−</mo><mn>8</mn><mo>−</mo><mn>1.5</mn><mo>·</mo><mo stretchy="false">(</mo><mo>−</mo><mn>16</mn><mo stretchy="false">)</mo><mo>=</mo><mn>16</mn>""");

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "what-is-the-learning-rate",
        "What the learning rate is",
        "One update rule, one number that sets the stride, and a parabola stepped by hand.",
        [
            new("One rule", $"""
                <p>Training a model means walking downhill on its loss. At the current weights θ we measure the
                gradient ∇L(θ): it points in the direction where the loss rises fastest, so we step the other way.</p>
                {_rule}
                <p>The gradient chooses the <em>direction</em>. The learning rate α chooses the <em>length of the
                stride</em>. Everything in this course is about that one number.</p>
                """),
            new("A walker in fog", """
                <p>Picture someone coming down a hill in thick fog. They can feel the slope under their feet but cannot
                see the valley. With tiny shuffles they are safe but it takes all day. With giant leaps they sail over
                the valley floor and land higher up the far side than where they started. A good stride covers ground
                quickly and still lands lower each time.</p>
                """),
            new("Worked example: L = w²", $"""
                <p>Take the simplest loss, L = w², starting at w₀ = 4 (loss 16). Its gradient is 2w, which is 8 at the
                start.</p>
                <p><strong>α = 0.1.</strong> One update gives</p>
                {_small}
                <p>and the loss falls from 16 to 10.24. Every step keeps 80 % of w: 4, 3.2, 2.56, 2.048 … a steady glide
                to the bottom.</p>
                <p><strong>α = 1.5.</strong> The same rule, a longer stride:</p>
                {_large}
                <p>So w₁ = −8 (the loss goes 16 → 64) and w₂ = 16 (the loss → 256). Each step jumps past the minimum
                and lands twice as far away on the other side: divergence. Same terrain, same gradient, only α
                changed.</p>
                """),
        ],
        [
            "Update rule: θ ← θ − α·∇L(θ). The gradient gives the direction, α the length of the stride.",
            "L = w², w₀ = 4, α = 0.1: w₁ = 4 − 0.1·8 = 3.2.",
            "L = w², w₀ = 4, α = 1.5: w₁ = −8 (L 16 → 64), w₂ = 16 (L → 256): divergence.",
        ],
        new WidgetPreset
        {
            Surface = "parabola",
            Lr = 0.1,
            Steps = 20,
            LrMin = 0.01,
            LrMax = 3,
            QuickRates = [0.1, 0.5, 1.0, 1.5],
        },
        [
            new Experiment
            {
                Id = "glide",
                Instruction = "Run α = 0.1 and step through the first updates: does w go 4, 3.2, 2.56?",
                LrMin = 0.1,
                LrMax = 0.1,
                Surface = "parabola",
                Lesson = "Each update kept 80 % of w, so the marker glides into the bottom of the parabola.",
            },
            new Experiment
            {
                Id = "explode",
                Instruction = "Now set α = 1.5 and watch w.",
                LrMin = 1.5,
                LrMax = 1.5,
                Surface = "parabola",
                Lesson = "w went 4, −8, 16, −32: every stride overshoots the minimum and lands twice as far away on the other side.",
            },
            new Experiment
            {
                Id = "predict-1.0",
                Instruction = "Set α = 1.0 and run.",
                LrMin = 1.0,
                LrMax = 1.0,
                Surface = "parabola",
                Predict = new ExperimentPrediction(
                    "At α = 1.0 on L = w², what will w do? (Work out the factor 1 − 2α first.)",
                    ExperimentPrediction.Regimes,
                    ExperimentPrediction.ByRegime),
                Lesson = "The factor is 1 − 2·1.0 = −1: w flips between 4 and −4 and the loss stays at 16. Exactly on the limit, nothing is gained or lost.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "lr-w1",
                Prompt = "L = w², w₀ = 4, α = 0.1. What is w₁ after one update?",
                Answer = 3.2,
                Tolerance = 0.001,
                Hint = "The gradient of w² is 2w, not w. Evaluate it at w₀ = 4, multiply by α and subtract.",
                Explanation = "The gradient at 4 is 2·4 = 8, so w₁ = 4 − 0.1·8 = 3.2.",
            },
            new QuizQuestion
            {
                Id = "lr-loss2",
                Prompt = "Same start, but α = 1.5. What is the loss L after two updates?",
                Answer = 256,
                Tolerance = 0.5,
                Hint = "Work out w₁ first (the gradient at 4 is 8), then w₂ from w₁, and only then square w₂. The question asks for the loss, not w.",
                Explanation = "w goes 4 → −8 → 16, so the loss goes 16 → 64 → 256.",
            },
            new QuizQuestion
            {
                Id = "lr-role",
                Prompt = "In θ ← θ − α·∇L(θ), what does the learning rate α decide?",
                Choices =
                [
                    "The direction of the step",
                    "How far to step along the downhill direction",
                    "Which weights get updated",
                    "How many epochs training runs",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "The direction comes from the gradient: −∇L(θ) points downhill whatever α is (as long as α is positive). α only stretches or shrinks that arrow.",
                    "",
                    "Every weight with a non-zero gradient moves in every update; α scales all of their steps at once rather than picking some.",
                    "The number of epochs is a separate choice. α appears inside each single update, so it decides how far that one step goes.",
                ],
                Explanation = "The negative gradient already fixes the direction; α scales it, so it sets the stride length.",
            },
            new QuizQuestion
            {
                Id = "lr-factor",
                Prompt = "On L = w² each update multiplies w by the same factor. What is that factor at α = 0.1?",
                Answer = 0.8,
                Tolerance = 0.001,
                Hint = "One update is w − α·2w. Factor out w.",
                Explanation = "w − 0.1·2w = (1 − 0.2)·w = 0.8·w: every step keeps 80 % of w, which is why the sequence goes 4, 3.2, 2.56.",
            },
        ]);
}
