using static LrLab.Web.Learn.Lessons.MomentumNumbers;

namespace LrLab.Web.Learn.Lessons;

/// <summary>The momentum lesson's questions; every number in them comes from <see cref="MomentumNumbers"/>.</summary>
public static class MomentumQuiz
{
    /// <summary>The questions.</summary>
    public static IReadOnlyList<QuizQuestion> Questions { get; } =
    [
        new QuizQuestion
        {
            Id = "momentum-effective-rate",
            Prompt = "SGD with α = 0.01 and momentum β = 0.9 rolls down a long straight slope. What effective rate does it settle into?",
            Answer = LrLab.Core.Theory.MomentumTheory.EffectiveRate(0.01, 0.9),
            Tolerance = 0.002,
            Hint = "Type a rate as a plain decimal. On a steady slope the velocity stops growing once βv + g equals v: solve that for v, then multiply by α.",
            Explanation = "The velocity grows to g/(1 − β) = 10g, so each stride is α/(1 − β) = 0.01/0.1 = 0.1 long.",
        },
        new QuizQuestion
        {
            Id = "momentum-limit-bowl",
            Prompt = "On the bowl (λmax = 4), up to which rate does heavy-ball momentum with β = 0.9 converge?",
            Choices = [N(PlainLimit), N(HeavyBallLimit), N(NesterovLimit), N(2 * HeavyBallLimit)],
            CorrectChoice = 1,
            ChoiceExplanations =
            [
                $"{N(PlainLimit)} is 2/λmax, plain descent's limit. The velocity changes the feedback, so the limit moves.",
                $"Right: (2 + 2β)/λmax = 3.8/4 = {N(HeavyBallLimit)}.",
                $"{N(NesterovLimit)} is PyTorch's Nesterov limit (2+2β)/((1+2β)λmax); heavy ball has no (1 + 2β) in the denominator.",
                $"That doubles the right formula; (2 + 2β)/λmax already includes the factor 2.",
            ],
            Explanation = $"Heavy ball is stable for α < (2 + 2β)/λmax = {N(HeavyBallLimit)} on the bowl; plain descent stops at {N(PlainLimit)}.",
        },
        new QuizQuestion
        {
            Id = "momentum-slower-on-bowl",
            Prompt = $"On the bowl at α = {N(Lr)}, momentum β = 0.9 needs {BowlMomentum.StepsToConverge} steps, plain descent {BowlPlain.StepsToConverge}. Why is momentum slower here?",
            Choices =
            [
                "Its stored velocity carries it past the minimum, and the swings take time to die out",
                "Momentum lowers the effective rate",
                "0.05 is above momentum's stability limit",
                "The bowl's gradient is noisy",
            ],
            CorrectChoice = 0,
            ChoiceExplanations =
            [
                "Right: on a round bowl there is no slow direction to speed up, only the overshoot to pay for.",
                "It raises it: α/(1 − β) is ten times α at β = 0.9.",
                $"The limit is {N(HeavyBallLimit)}; 0.05 is far below it, and the run does converge.",
                "The bowl is deterministic; only the noisy bowl adds noise.",
            ],
            Explanation = "Momentum pays off where plain descent crawls (ravines, plateaus); on a well-conditioned bowl its swing only costs steps.",
        },
        new QuizQuestion
        {
            Id = "momentum-best-beta",
            Prompt = "A quadratic valley has condition number κ = 100. Which β makes heavy ball fastest?",
            Answer = LrLab.Core.Theory.MomentumTheory.BestBeta(new LrLab.Core.Surfaces.Curvature([0.0, 0.0], 1, 100)),
            Tolerance = 0.01,
            Hint = "Type β as a decimal between zero and one. Take √κ first, then square the ratio (√κ − 1)/(√κ + 1).",
            Explanation = "((√κ − 1)/(√κ + 1))² = (9/11)² ≈ 0.669.",
        },
    ];
}
