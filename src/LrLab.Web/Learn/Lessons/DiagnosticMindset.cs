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
                  <li><strong>Did it fail suddenly after going well?</strong> Check the rate and the schedule first: a
                  warmup that ends too high, a restart that jumps back up, a decay that was never applied. If they are
                  innocent, look further: the ground can get steeper while the rate stays put (the curvature of a
                  network's loss often grows during training until it reaches 2/α, the edge of stability, which the
                  <a href="edge">Edge</a> page measures on a real network), one corrupt
                  or extreme batch can produce a huge gradient, and 16-bit floating point overflows at about 65,504.</li>
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
            new Experiment
            {
                Id = "predict-0.45",
                Instruction = "Try a cautious cut instead: 0.45.",
                LrMin = 0.45,
                LrMax = 0.45,
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    "Instead of 10×, you cut 1.0 to 0.45. What will the run do?",
                    ExperimentPrediction.Regimes,
                    ExperimentPrediction.ByRegime),
                Lesson = "It converges, but zig-zagging: just below the limit the steep direction keeps ringing. A 10× cut lands in calmer territory.",
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
                ChoiceExplanations =
                [
                    "A crawl falls by nearly the same crumb every step. Here the first epoch removes 37.5 % of the loss: that is real progress, tapering as it should.",
                    "",
                    "Oscillation means the loss goes up and down. Every value here is lower than the one before.",
                    "Few real losses reach 0; noise in the data and the model's capacity set a floor. Tapering towards one is normal.",
                ],
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
                ChoiceExplanations =
                [
                    "Once a run has hit NaN every later number is NaN too; waiting cannot bring it back.",
                    "A higher rate makes every overshoot longer; the loss would blow up even sooner.",
                    "",
                    "A 10 % cut leaves the factor that drives the growth nearly unchanged. When the loss doubles per epoch, cut by 10× or 100×.",
                ],
                Explanation = "The loss roughly doubles each epoch and overflows: divergence. Cut the rate by 10× or 100×, not by a few percent.",
            },
            new QuizQuestion
            {
                Id = "diag-percent",
                Prompt = "In curve A, by what percentage does the loss fall from 0.5 to 0.4?",
                Answer = 0.2,
                Tolerance = 0.005,
                Form = NumericForm.Fraction,
                Hint = "Divide the drop by the loss before the drop, not after it.",
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
                ChoiceExplanations =
                [
                    "",
                    "The architecture did not change at epoch 40; something that changed during training is a better suspect.",
                    "A seed changes which batches come when; it can expose a problem but is rarely the cause, and rerunning with another seed only hides it.",
                    "A NaN is never normal: every number after it is meaningless and the run is lost.",
                ],
                Explanation = "The rate and the schedule are the quickest suspects to rule out: a rate that is too large for where the weights are now. It is not the only cause: sharpening curvature past 2/α, a bad batch or fp16 overflow end runs the same way.",
            },
            new QuizQuestion
            {
                Id = "diag-late-nan",
                Prompt = "The schedule is constant and the data is clean, yet a long run spikes and turns to NaN late. Apart from bad luck, what can make a fixed rate fail late?",
                Choices =
                [
                    "Nothing: with a constant rate a run that was stable stays stable",
                    "The loss's curvature grows during training until it reaches 2/α (edge of stability), or 16-bit numbers overflow",
                    "The learning rate decays on its own",
                    "The gradient always shrinks to zero late in training",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "That holds on a fixed quadratic, but a network's loss changes shape as the weights move: its sharpness often grows while training.",
                    "",
                    "A constant schedule keeps the rate exactly where you put it; nothing decays unless you ask for it.",
                    "A small gradient makes small steps, which cannot produce NaN on their own.",
                ],
                Explanation = "Stability needs α < 2/λmax, with λmax measured where the weights are now. Training often sharpens the loss until λmax reaches 2/α, and from there steps overshoot along the sharpest direction. Full-batch descent tends to hover at that edge with a bumpy loss; add noisy batches or fp16 and it is where spikes and NaN come from.",
            },
        ]);
}
