namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 11: three questions, two practice problems, and the habit that ties the course together.</summary>
public static class DiagnosticMindset
{
    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "diagnostic-mindset",
        "The diagnostic mindset",
        "Three questions to ask of any loss curve, and two curves to practise on.",
        [
            new("Three questions", """
                <ol>
                  <li><strong>Is the loss decreasing at all?</strong> If it is not, or only in crumbs, the rate is
                  probably too small: try a higher one.</li>
                  <li><strong>Is it unstable or exploding?</strong> Bouncing, rising, inf or NaN: try a lower rate.</li>
                  <li><strong>Did it fail suddenly after going well?</strong> Check the rate and the schedule: a warmup
                  that ends too high, a restart that jumps back up, a decay that was never applied.</li>
                </ol>
                <p>The <a href="diagnose">Diagnose</a> page asks these questions of a loss log you paste; both practice
                problems below are among its one-click examples. Under each curve here you also see what its engine
                concludes from the five numbers alone.</p>
                """),
            new("Practice problem A: lr 0.1", """
                <p>Five epochs at a rate of 0.1 give the losses 0.8, 0.5, 0.4, 0.38, 0.37. The drops are 0.3, 0.1, 0.02
                and 0.01, that is 37.5 %, 20 %, 5 % and 2.6 % of the loss before each. Every epoch helps, less each time:
                healthy diminishing returns. Keep the rate (and perhaps add a decay later).</p>
                """,
                [new LossCurve("A: lr 0.1", [0.8, 0.5, 0.4, 0.38, 0.37], 0.1)]),
            new("Practice problem B: lr 1.0", """
                <p>The same model at 1.0 gives 0.8, 1.5, 3.2, 8.7, NaN. Every epoch makes things worse, roughly doubling
                the loss, until it overflows: the rate is too high and the run has diverged. The fix is not a small
                nudge: try 0.01 or 0.001, ten or a hundred times lower, and search upward from a run that works.</p>
                """,
                [new LossCurve("B: lr 1.0", [0.8, 1.5, 3.2, 8.7, double.NaN], 1.0)]),
        ],
        [
            "Loss not decreasing → try a higher rate; unstable or exploding → try lower; sudden failure → check the rate and the schedule.",
            "lr 0.1: losses 0.8, 0.5, 0.4, 0.38, 0.37, drops 0.3, 0.1, 0.02, 0.01 (37.5 %, 20 %, 5 %, 2.6 %): healthy diminishing returns.",
            "lr 1.0: losses 0.8, 1.5, 3.2, 8.7, NaN: too high, diverged; try 0.01 or 0.001.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 1.0,
            Steps = 100,
            QuickRates = [0.001, 0.01, 0.1, 1.0],
        },
        [
            new Experiment
            {
                Id = "blow-up",
                Instruction = "Reproduce a blow-up: run 1.0 on the bowl.",
                LrMin = 0.9,
                LrMax = 3,
                Surface = "bowl",
                Lesson = "Like practice problem B: every step worse than the last, until the numbers overflow.",
            },
            new Experiment
            {
                Id = "fix",
                Instruction = "Apply the fix: go ten or a hundred times lower (0.1 or 0.01).",
                LrMin = 0.005,
                LrMax = 0.11,
                Surface = "bowl",
                Lesson = "A big cut turns a diverging run into a converging one; from here you would search upward again.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "diag-a",
                Prompt = "Practice curve A (lr 0.1): 0.8, 0.5, 0.4, 0.38, 0.37. What is your verdict?",
                Choices =
                [
                    "Too small: it is crawling",
                    "Healthy: diminishing returns, keep the rate",
                    "Too large: it is oscillating",
                    "Broken: the loss should reach 0",
                ],
                CorrectChoice = 1,
                Explanation = "Drops of 37.5 %, 20 %, 5 %, 2.6 %: steady progress that tapers off, the shape of a good rate.",
            },
            new QuizQuestion
            {
                Id = "diag-b",
                Prompt = "Practice curve B (lr 1.0): 0.8, 1.5, 3.2, 8.7, NaN. What do you do next?",
                Choices =
                [
                    "Train longer; it will come back down",
                    "Raise the rate to 2.0",
                    "The rate is far too high: rerun at 0.01 or 0.001",
                    "Reduce the rate to 0.9",
                ],
                CorrectChoice = 2,
                Explanation = "The loss roughly doubles each epoch and overflows: divergence. Cut the rate by 10× or 100×, not by a few percent.",
            },
            new QuizQuestion
            {
                Id = "diag-percent",
                Prompt = "In curve A, by what percentage does the loss fall from 0.5 to 0.4?",
                Answer = 20,
                Tolerance = 0.5,
                Explanation = "(0.5 − 0.4) / 0.5 = 0.2 = 20 %.",
            },
            new QuizQuestion
            {
                Id = "diag-sudden",
                Prompt = "Training went well for 40 epochs, then the loss jumped to NaN. What do you check first?",
                Choices =
                [
                    "The learning rate and the schedule (e.g. a restart or a warmup that ends too high)",
                    "The number of layers",
                    "The random seed",
                    "Nothing; NaN late in training is normal",
                ],
                CorrectChoice = 0,
                Explanation = "Sudden failure after progress usually means the rate became too large at that moment, which points at the schedule.",
            },
        ]);
}
