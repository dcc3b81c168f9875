using static LrLab.Web.Learn.Lessons.BatchNumbers;

namespace LrLab.Web.Learn.Lessons;

/// <summary>The batch lesson's questions.</summary>
public static class BatchQuiz
{
    /// <summary>The questions.</summary>
    public static IReadOnlyList<QuizQuestion> Questions { get; } =
    [
        new QuizQuestion
        {
            Id = "batch-why",
            Prompt = "A rate tuned at batch 32 behaves differently at batch 128. Why?",
            Choices =
            [
                "The bigger batch averages more examples, so its gradient is less noisy and the same rate jitters less",
                "Bigger batches always need a smaller rate",
                "The loss function changes with the batch",
                "It does not; the rate is independent of the batch",
            ],
            CorrectChoice = 0,
            ChoiceExplanations =
            [
                "Right: four times the batch halves the gradient noise, so the same rate is now more cautious than it needs to be.",
                "The rules of thumb go the other way: with a cleaner gradient the rate can grow.",
                "The loss is the same average over the data; only the estimate of its gradient gets better.",
                "The noise in each update depends on both α and B, so a rate tuned at one batch is not tuned at another.",
            ],
            Explanation = "More examples per step give a cleaner gradient; the linear or square-root rule says how much rate that buys.",
        },
        new QuizQuestion
        {
            Id = "batch-4x",
            Prompt = "You train with Adam at lr 0.01 with batch 64 and move to batch 256. Which rate does the square-root rule suggest?",
            Answer = 0.01 * Math.Sqrt(256.0 / 64),
            Tolerance = 0.0005,
            Hint = "Type the new rate as a plain decimal. Work out how many times larger the batch is, take the square root of that, and scale the old rate by it.",
            Explanation = "256 is 4 × 64 and √4 = 2, so 0.01 × 2 = 0.02.",
        },
        new QuizQuestion
        {
            Id = "batch-2x",
            Prompt = "You double the batch. By what factor does the square-root rule multiply the rate?",
            Answer = Math.Sqrt(2),
            Tolerance = 0.02,
            Hint = "Type the factor as a decimal (two places are enough). The square-root rule scales the rate by the square root of the batch's growth.",
            Explanation = "√2 ≈ 1.41.",
        },
        new QuizQuestion
        {
            Id = "batch-linear",
            Prompt = "SGD with momentum at lr 0.1 and batch 256; you move to batch 1,024. What does the linear scaling rule suggest (after a warmup)?",
            Answer = 0.1 * 1024 / 256,
            Tolerance = 0.01,
            Hint = "Type the new rate as a plain decimal. The linear rule scales the rate by exactly the factor the batch grew by.",
            Explanation = "×4 batch → ×4 rate under the linear rule (Goyal et al. 2017): 0.4, reached by warming up over the first epochs.",
        },
        new QuizQuestion
        {
            Id = "batch-limit-question",
            Prompt = $"Full-batch descent diverges above 2/λmax = {N(Limit)}. With batch 256 instead of 1, where is the limit?",
            Choices = [$"Still {N(Limit)}", $"{N(Limit * 16)} (×√256)", $"{LrLab.Web.Lab.Numbers.Short(Limit * 256, 3)} (×256)", "There is no limit with large batches"],
            CorrectChoice = 0,
            ChoiceExplanations =
            [
                "Right: the limit comes from the curvature, and averaging more examples does not change the curvature.",
                "The square-root rule is about noise, not stability; the noisy bowl diverges at any batch above 2/λmax.",
                "The linear rule stops working well before that, and no rule moves the curvature's limit.",
                "A full batch is the largest batch there is, and even it diverges above 2/λmax.",
            ],
            Explanation = $"The batch only removes noise. On the noisy bowl {N(AboveLimit)} diverges with batch 1, 16 and 256 alike.",
        },
    ];
}
