namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 8: batch size, gradient noise and the √2 rule.</summary>
public static class BatchSize
{
    private static readonly string _rule = MathMl.Block(
        "alpha new equals alpha old times the square root of B new over B old",
        """<msub><mi>α</mi><mi>new</mi></msub><mo>=</mo><msub><mi>α</mi><mi>old</mi></msub><mo>·</mo><msqrt><mfrac><msub><mi>B</mi><mi>new</mi></msub><msub><mi>B</mi><mi>old</mi></msub></mfrac></msqrt>""");

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "batch-size",
        "Batch size and the rate",
        "Bigger batches give cleaner gradients, which tolerate longer strides.",
        [
            new("Noise", """
                <p>A mini-batch gradient is an average over B examples, so it is the true gradient plus noise. Averaging
                more examples shrinks the noise: its typical size falls like 1/√B. Larger batches give less noisy
                gradients, so every step points more reliably downhill.</p>
                """),
            new("The √2 rule", $"""
                <p>With cleaner gradients you can afford longer strides. A common rule of thumb scales the rate with the
                square root of the batch:</p>
                {_rule}
                <p>Doubling the batch suggests multiplying the rate by √2 ≈ 1.4; a batch four times larger (×4 batch)
                suggests twice the rate (×2). That is why a rate tuned at one batch size behaves differently at another:
                at the bigger batch it is more cautious than it needs to be.</p>
                """),
        ],
        [
            "Larger batches give less noisy gradients.",
            "Doubling the batch suggests ×√2 (≈1.4) on the learning rate; ×4 batch → ×2 rate.",
        ],
        new WidgetPreset
        {
            Surface = "noisy-bowl",
            Lr = 0.05,
            Steps = 200,
            LrMax = 1,
            QuickRates = [0.05, 0.1],
            BatchChoices = [1, 4, 16, 64],
        },
        [
            new Experiment
            {
                Id = "batch-1",
                Instruction = "Run 0.05 with batch 1 and look at the end of the loss curve.",
                LrMin = 0.05,
                LrMax = 0.05,
                BatchSize = 1,
                Surface = "noisy-bowl",
                Lesson = "The marker reaches the bottom but keeps jittering there: the noise sets a floor under the loss.",
            },
            new Experiment
            {
                Id = "batch-16",
                Instruction = "Same rate, batch 16.",
                LrMin = 0.05,
                LrMax = 0.05,
                BatchSize = 16,
                Surface = "noisy-bowl",
                Lesson = "Four times less noise (√16 = 4): the trail is cleaner and the floor of the loss much lower.",
            },
            new Experiment
            {
                Id = "batch-4-rate",
                Instruction = "Apply the rule: batch 4 with twice the rate, 0.1.",
                LrMin = 0.1,
                LrMax = 0.1,
                BatchSize = 4,
                Surface = "noisy-bowl",
                Lesson = "Per step the noise is the same as batch 1 at 0.05 (twice the rate, half the noise), but the floor the loss jitters around ends up about half as high: it grows with α/B, and α/B has halved.",
            },
            new Experiment
            {
                Id = "predict-batch-64",
                Instruction = "Run 0.05 with batch 64.",
                LrMin = 0.05,
                LrMax = 0.05,
                BatchSize = 64,
                Surface = "noisy-bowl",
                Predict = new ExperimentPrediction(
                    "Batch 64 instead of 1 at the same rate 0.05: will the run now converge within its 200 steps?",
                    ["Yes", "No"],
                    ExperimentPrediction.ByConvergence),
                Lesson = "Less noise per step lets the marker settle much closer to the bottom.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "batch-why",
                Prompt = "A rate tuned at batch 32 behaves differently at batch 128. Why?",
                Choices =
                [
                    "The bigger batch averages more examples, so its gradient is less noisy and can take a longer stride (about ×2)",
                    "Bigger batches always need a smaller rate",
                    "The loss function changes with the batch",
                    "It does not; the rate is independent of the batch",
                ],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "",
                    "A bigger batch makes the gradient cleaner, which never calls for a smaller rate; the usual rules scale the rate up with the batch.",
                    "The loss is the same average over examples at any batch size; only the estimate of its gradient gets less noisy.",
                    "The batch sets how noisy each gradient is, and the noise a step carries is the rate times that noise: the two are linked.",
                ],
                Explanation = "Four times the batch halves the noise (√4 = 2), so the √2 rule suggests twice the rate.",
            },
            new QuizQuestion
            {
                Id = "batch-4x",
                Prompt = "You train at lr 0.01 with batch 64 and move to batch 256. Which rate does the square-root rule suggest?",
                Answer = 0.02,
                Tolerance = 0.0005,
                Hint = "How many times larger is the new batch? Take the square root of that ratio and multiply the rate by it.",
                Explanation = "256 is 4 × 64 and √4 = 2, so 0.01 × 2 = 0.02.",
            },
            new QuizQuestion
            {
                Id = "batch-2x",
                Prompt = "You double the batch. By what factor does the rule of thumb multiply the rate?",
                Answer = 1.414,
                Tolerance = 0.02,
                Hint = "The square-root rule multiplies the rate by the square root of the batch ratio, here √2.",
                Explanation = "√2 ≈ 1.41.",
            },
        ]);
}
