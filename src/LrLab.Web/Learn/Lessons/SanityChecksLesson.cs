using LrLab.Core.Surfaces;
using LrLab.Core.Training;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Karpathy's first checks, measured live on the MNIST network: ln 10, one batch overfit, update-to-weight ratios.</summary>
public static class SanityChecksLesson
{
    private static readonly Surface _bowl = SurfaceCatalog.Find("bowl")!;

    private static string N(double v) => Numbers.Short(v, 3);

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "sanity-checks",
        "Sanity checks on a real network",
        "Three checks before you tune any rate: the loss at the start, one batch overfit, and how far each update moves the weights.",
        [
            new("Check before you tune", """
                <p>A wrong learning rate and a bug look alike from far away: the loss does not fall. Before searching
                for a rate, three quick measurements (from Andrej Karpathy's "A Recipe for Training Neural Networks",
                2019) tell you whether the setup itself is sound: the loss before any training, whether the network can
                memorise one small batch, and how far one update moves each layer. Run them below on the same MNIST
                network the <a href="finder">range test</a> uses, trained in your browser; predict the first one before
                you measure it.</p>
                """)
            {
                Panel = LessonPanel.SanityChecks,
            },
            new("What the three checks say", $"""
                <ol>
                  <li><strong>The initial loss.</strong> An untrained network with C balanced classes should spread its
                  bets evenly, about 1/C per class, so its cross-entropy starts near ln C: ln 10 =
                  {Numbers.Short(SanityChecks.ChanceLoss(10), 4)} for ten digits. Much higher means it starts confidently
                  wrong (badly scaled initial weights or outputs); much lower, that something leaks the labels.</li>
                  <li><strong>Overfit one batch.</strong> Train over and over on one small batch. A healthy network and
                  rate drive its loss towards zero and get every example right. If it cannot, no amount of data will
                  help: look for a bug, labels that do not match inputs, or a rate far off. That the memorised network
                  does poorly on the test digits is expected: this check is about capacity and plumbing, not about
                  learning.</li>
                  <li><strong>The update-to-weight ratio.</strong> For each layer, compare the size of one update with the
                  size of the weights, ‖Δθ‖/‖θ‖. Around {N(SanityChecks.TypicalUpdateRatio)} is typical. Far below, the
                  rate is too small (weights barely move although the gradients are fine); far above, too large.</li>
                </ol>
                """),
            new("Reading the ratio", $"""
                <p>The ratio is a rule of thumb, not a law: try the four rates above and you will see plain SGD's ratio
                grow about tenfold per tenfold of rate, and that the output layer fc2 moves by a larger share of its size than fc1. The useful
                signal is a ratio orders of magnitude away from {N(SanityChecks.TypicalUpdateRatio)}, or one layer far
                from the others. The same idea works on the bowl in the widget below: there each update moves the point
                by α times the curvature, between {N(0.001 * _bowl.Curvature!.LambdaMin)} and {N(0.001 * _bowl.LambdaMax)}
                of its distance at α = 0.001, and between {N(0.05 * _bowl.Curvature!.LambdaMin)} and {N(0.05 * _bowl.LambdaMax)} at 0.05.</p>
                """),
        ],
        [
            "The initial loss with C balanced classes is about ln C (2.303 for 10 digits).",
            "First overfit one small batch: if the loss will not go to zero, look for a bug before tuning the rate.",
            "The update-to-weight ratio ‖Δw‖/‖w‖ per layer is typically around 1e-3 (far below: rate too small; far above: too large).",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 0.001,
            Steps = 200,
            QuickRates = [0.001, 0.05],
        },
        [
            new Experiment
            {
                Id = "sanity-tiny-moves",
                Instruction = "Run the bowl at 0.001 and read the position after each step.",
                LrMin = 0.001,
                LrMax = 0.001,
                Surface = "bowl",
                Lesson = "Each update moves the point by a fraction of a percent of its distance: the ratio says too small before the step count does.",
            },
            new Experiment
            {
                Id = "sanity-healthy-moves",
                Instruction = "Now 0.05.",
                LrMin = 0.05,
                LrMax = 0.05,
                Surface = "bowl",
                Lesson = "Updates of 10–20 % of the distance: a run that converges in tens of steps.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "sanity-ln-c",
                Prompt = "A classifier over 100 balanced classes, untrained. About what should its initial cross-entropy be?",
                Answer = SanityChecks.ChanceLoss(100),
                Tolerance = 0.05,
                Hint = "Type the loss as a decimal (two places are enough). A uniform guess puts probability 1/C on the right class, and cross-entropy is minus the log of that probability.",
                Explanation = "ln 100 ≈ 4.61: a uniform guess gives each class 1/100.",
            },
            new QuizQuestion
            {
                Id = "sanity-high-start",
                Prompt = "Your 10-digit network starts at loss 9.0 instead of about 2.3. What do you check first?",
                Choices =
                [
                    "The initialisation: the outputs start large and confidently wrong",
                    "The learning rate: it must be too large",
                    "Nothing: a high start means there is a lot to learn",
                    "The batch size",
                ],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "Right: before any update the rate has done nothing yet; the loss comes from the initial weights alone.",
                    "No update has happened at step 0, so the rate cannot have caused it.",
                    "Every untrained 10-class network has the same amount to learn; a fair start is ln 10 ≈ 2.3.",
                    "The batch changes the noise in later updates, not the loss of the untrained network.",
                ],
                Explanation = "The initial loss is a check of the setup, not of the rate: far from ln C means the starting outputs are off.",
            },
            new QuizQuestion
            {
                Id = "sanity-ratio-low",
                Prompt = "Every layer's update-to-weight ratio is about 1e-6. What does it suggest?",
                Choices = ["The rate is far too small", "The rate is far too large", "The network is converged", "All is well"],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "Right: a thousand times below the typical 1e-3, the weights barely move.",
                    "Too large shows as ratios far above 1e-3 (and a bouncing loss).",
                    "A tiny ratio with reasonable gradients means small steps, not arrival; check the loss is still falling.",
                    "1e-6 is three orders of magnitude below the usual 1e-3.",
                ],
                Explanation = "Around 1e-3 is typical; three orders of magnitude below it the run is crawling.",
            },
        ]);
}
