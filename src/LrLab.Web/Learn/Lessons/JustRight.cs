namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 3: the healthy curve and what the right rate depends on.</summary>
public static class JustRight
{
    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "just-right",
        "Just right: the healthy curve",
        "Steady, smooth progress with diminishing returns, in tens of steps.",
        [
            new("What it looks like", """
                <p>A well-chosen rate gives a loss that falls steadily and smoothly: big gains at first, then smaller and
                smaller ones as the minimum gets near. That shape is called diminishing returns, and it is healthy.
                On small problems like ours the run converges in tens of steps: not hundreds (that is a crawl), and not a
                handful (that usually means the rate sits right at the edge where overshooting starts). On real data the
                validation loss tracks the training loss instead of peeling away from it.</p>
                """),
            new("What it depends on", """
                <p>There is no universal good value. The right rate depends on</p>
                <ul>
                  <li><strong>the architecture</strong>: depth, normalisation layers and initialisation change how steep the loss is;</li>
                  <li><strong>the optimizer</strong>: Adam wants far smaller rates than plain SGD;</li>
                  <li><strong>the batch size</strong>: bigger batches give cleaner gradients that tolerate longer strides;</li>
                  <li><strong>the terrain</strong>: the curvature of the loss, which the next lessons measure.</li>
                </ul>
                <p>On the lab's default bowl, 0.05 gives smooth progress. Try it below and count the steps.</p>
                """),
        ],
        [
            "Just right: a steady, smooth decrease with diminishing returns.",
            "Convergence in tens of steps (not hundreds, not a handful); validation tracks training.",
            "The right rate depends on the architecture, the optimizer, the batch size and the terrain.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 0.05,
            Steps = 200,
            QuickRates = [0.02, 0.05, 0.1, 0.2],
        },
        [
            new Experiment
            {
                Id = "smooth-0.05",
                Instruction = "Run 0.05 on the bowl and note how many steps it takes.",
                LrMin = 0.05,
                LrMax = 0.05,
                Surface = "bowl",
                Lesson = "Tens of steps, every one lower than the last: that is the shape to aim for.",
            },
            new Experiment
            {
                Id = "smooth-0.2",
                Instruction = "Quadruple it to 0.2. Faster still, or does it start to wobble?",
                LrMin = 0.2,
                LrMax = 0.2,
                Surface = "bowl",
                Lesson = "Longer strides help until one direction starts to overshoot; the next lesson finds that edge.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "right-log",
                Prompt = "Which loss log looks like a well-chosen rate?",
                Choices =
                [
                    "2.0, 1.9999, 1.9998, 1.9997",
                    "2.0, 1.2, 0.8, 0.6, 0.5, 0.46",
                    "2.0, 0.9, 3.1, 0.7, 9.4",
                    "2.0, 2.0, 2.0, 2.0",
                ],
                CorrectChoice = 1,
                Explanation = "Big early drops that shrink step by step: diminishing returns. The first log crawls, the third bounces, the fourth does not learn.",
            },
            new QuizQuestion
            {
                Id = "right-depends",
                Prompt = "Which of these does NOT change what a good learning rate is?",
                Choices =
                [
                    "The architecture",
                    "The optimizer",
                    "The batch size",
                    "How often you print the loss",
                ],
                CorrectChoice = 3,
                Explanation = "Architecture, optimizer, batch size and terrain all shift the good range; logging frequency changes nothing about the steps.",
            },
        ]);
}
