namespace LrLab.Web.Learn.Lessons;

/// <summary>The gradient-flow lesson's questions.</summary>
public static class GradientFlowQuiz
{
    /// <summary>The questions.</summary>
    public static IReadOnlyList<QuizQuestion> Questions { get; } =
    [
        new QuizQuestion
        {
            Id = "flow-clock",
            Prompt = "Gradient descent at α = 0.02 has taken 50 steps. How far along the flow's time axis is it (t = ?)",
            Answer = 50 * 0.02,
            Tolerance = 0.01,
            Hint = "Type the time as a plain number. Every step moves the flow's clock forward by exactly α, so multiply the number of steps by α.",
            Explanation = "Each step advances the flow's clock by α: t = kα = 50 × 0.02 = 1.",
        },
        new QuizQuestion
        {
            Id = "flow-oscillation-onset",
            Prompt = "On L = λw²/2 with λ = 10, above which rate do the steps start changing sign?",
            Choices = ["0.05", "0.1", "0.2", "1"],
            CorrectChoice = 1,
            ChoiceExplanations =
            [
                "At 0.05, αλ = 0.5: the factor 1 − αλ = 0.5 is positive, so the sign is kept.",
                "Right: above 1/λ = 0.1 the factor 1 − αλ turns negative.",
                "0.2 = 2/λ is where the steps stop converging, not where they start to oscillate.",
                "At 1, αλ = 10 and the factor is −9: the run diverges long before that.",
            ],
            Explanation = "The steps multiply w by 1 − αλ: negative (sign flips) once αλ > 1, i.e. α > 1/λ = 0.1.",
        },
        new QuizQuestion
        {
            Id = "flow-why-smooth",
            Prompt = "Why does the gradient flow never overshoot the minimum of a quadratic bowl?",
            Choices =
            [
                "Its speed is the gradient itself, which shrinks to zero as it nears the minimum, so it can only approach it",
                "It uses a very small learning rate",
                "It only works on convex functions",
                "It averages the gradients like momentum",
            ],
            CorrectChoice = 0,
            ChoiceExplanations =
            [
                "Right: along each direction the flow decays as e^(−λt), which never reaches or crosses zero.",
                "The flow has no rate at all: it is the limit of infinitely many infinitely short steps.",
                "The flow is defined on any smooth surface; convexity is not the reason it cannot overshoot.",
                "The flow has no memory; momentum's stored velocity is exactly what makes a ball overshoot.",
            ],
            Explanation = "dθ/dt = −∇L: the velocity is the current slope, which fades at the bottom. Overshooting needs a finite jump (or stored speed).",
        },
    ];
}
