namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 2: what a too-small rate looks like and why it fools people.</summary>
public static class TooSmall
{
    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "too-small",
        "Too small: the crawl",
        "Tiny strides waste time and, worse, look like convergence.",
        [
            new("In the logs", """
                <p>The loss does go down, but in crumbs:</p>
                <pre class="log">step 1000  loss 0.5001
                step 1001  loss 0.5000
                step 1002  loss 0.4999</pre>
                <p>Training takes far longer than it should. If you also log the sizes of things, you see the giveaway:
                the gradient norms are perfectly reasonable, yet the weights barely move from one step to the next.
                The gradient is doing its job; α shrinks every step to almost nothing.</p>
                """),
            new("In the picture", """
                <p>In the lab the marker barely moves and its trail stays short. After hundreds of updates it has
                covered only part of the way to the bottom, even though the slope under it is still clearly
                tilted.</p>
                """),
            new("The real danger: stopping early", $"""
                <p>A crawling curve is flat, and a flat curve looks finished. People stop the run, save the model and
                conclude it cannot do better, when it simply had not travelled yet. Before you believe a plateau, ask
                why it is flat: a small <em>gradient</em> means you may really be near a minimum; a large gradient
                multiplied by a small <em>rate</em> means you are still on the hillside.</p>
                <p>On the lab's default bowl, plain gradient descent at 0.001 has not converged after 200 steps, and
                at its pace would need about {LessonRuns.Text(LessonRuns.Run(LessonRuns.Bowl, "sgd", 0.001).EstimatedStepsToConverge)}. See for yourself in the
                widget below.</p>
                """),
        ],
        [
            "Too small: the loss falls in tiny increments such as 0.5001 → 0.5000 → 0.4999.",
            "Training takes far longer than expected; the marker barely moves and the trail is short.",
            "Weights barely move although gradient norms are reasonable.",
            "Danger: stopping early because the run looks converged.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 0.001,
            Steps = 200,
            QuickRates = [0.001, 0.01, 0.05],
        },
        [
            new Experiment
            {
                Id = "count-0.001",
                Instruction = "Set the rate to 0.001 and count the steps the bowl needs.",
                LrMin = 0.001,
                LrMax = 0.001,
                Surface = "bowl",
                Lesson = "Hundreds of updates moved the marker only part of the way: the rate, not the terrain, is the bottleneck.",
            },
            new Experiment
            {
                Id = "count-0.01",
                Instruction = "Try ten times more, 0.01, and compare the count.",
                LrMin = 0.01,
                LrMax = 0.01,
                Surface = "bowl",
                Lesson = "On a smooth bowl, ten times the rate needs roughly a tenth of the steps.",
            },
            new Experiment
            {
                Id = "predict-0.003",
                Instruction = "Run 0.003 on the bowl.",
                LrMin = 0.003,
                LrMax = 0.003,
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    "Three times the crawling rate, 0.003: will the bowl converge within the 200 steps?",
                    ["Yes, within 200 steps", "No, it still needs more than 200"],
                    ExperimentPrediction.ByConvergence),
                Lesson = "Tripling a crawl still leaves a crawl: each step removes about 2α of the error along the gentle direction, under 1 %.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "small-log",
                Prompt = "Your loss reads 0.5001, 0.5000, 0.4999 over three steps while the gradient norm stays around 1. What is the most likely cause?",
                Choices =
                [
                    "The learning rate is too small",
                    "The learning rate is too large",
                    "The model has converged",
                    "The gradient is computed wrongly",
                ],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "",
                    "A too-large rate makes the loss bounce or climb; this log falls by the same crumb every step, with no bouncing at all.",
                    "Converged means the gradient is close to zero. A gradient norm of about 1 says the ground is still clearly tilted: there is somewhere to go.",
                    "A wrong gradient usually shows up as a loss that rises or wanders. Here the loss goes down every step, just very slowly, so the direction is fine.",
                ],
                Explanation = "A healthy gradient with hardly any movement means α shrinks every step to a crumb. A converged model would show a tiny gradient.",
            },
            new QuizQuestion
            {
                Id = "small-danger",
                Prompt = "Apart from wasting time, what is the danger of a too-small rate?",
                Choices =
                [
                    "It turns the loss into NaN",
                    "It makes the gradients point the wrong way",
                    "It always overfits",
                    "The flat curve tempts you to stop early, believing training has converged",
                ],
                CorrectChoice = 3,
                ChoiceExplanations =
                [
                    "NaN comes from steps that are too long and grow without bound. Tiny steps keep every number small and finite.",
                    "The direction of a step comes from the gradient, and α > 0 never flips it. A small rate walks the right way, only slowly.",
                    "Overfitting is about fitting noise in the training data after many effective updates; a crawl has made too little progress for that.",
                    "",
                ],
                Explanation = "A crawl looks like a plateau. Check the gradient size before trusting it: a large gradient on a flat curve means you are still travelling.",
            },
            new QuizQuestion
            {
                Id = "small-tenfold",
                Prompt = "On a smooth bowl you multiply a crawling rate by 10 (and stay well below the limit). Roughly what fraction of the steps does the run now need?",
                Answer = 0.1,
                Tolerance = 0.03,
                Form = NumericForm.Fraction,
                Hint = "While the rate is small, each step removes a share of the error proportional to α. Ten times the share per step means how many steps?",
                Explanation = $"About a tenth. On the bowl the engine counts {LessonRuns.Text(LessonRuns.BowlSteps(0.01))} steps at 0.01 against an estimated {LessonRuns.Text(LessonRuns.Run(LessonRuns.Bowl, "sgd", 0.001).EstimatedStepsToConverge)} at 0.001.",
            },
            new QuizQuestion
            {
                Id = "small-check",
                Prompt = "A run has flattened out. Which measurement tells a crawl apart from a run that has really converged?",
                Choices =
                [
                    "The loss value itself",
                    "The size of the gradient next to the size of the weight updates",
                    "How long each step takes",
                    "The number of parameters",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "A crawling run and a converged run can sit at the same loss for a while; the value alone cannot tell you whether there is more to gain.",
                    "",
                    "Time per step depends on the model and the hardware, not on how far the weights still have to go.",
                    "The model's size does not change from one step to the next, so it cannot tell two states of the same run apart.",
                ],
                Explanation = "Near a minimum the gradient itself is small. A clearly non-zero gradient with tiny updates means α is throttling the steps: a crawl.",
            },
        ]);
}
