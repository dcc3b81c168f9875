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
            new("What it looks like", $"""
                <p>A well-chosen rate gives a loss that falls steadily and smoothly: big gains at first, then smaller and
                smaller ones as the minimum gets near. That shape is called diminishing returns, and it is healthy.
                As a rule of thumb for real training, a good run converges in tens of steps (not hundreds, not a handful).
                On real data the validation loss tracks the training
                loss instead of peeling away from it.</p>
                <p>A handful of steps is not in itself a warning, though. On a perfectly quadratic toy like the bowl,
                α = {LessonRuns.Text(0.2)} converges in {LessonRuns.Text(LessonRuns.BowlSteps(0.2))} steps and never crosses the floor, and the
                fastest fixed rate of all, 2/(λ<sub>min</sub> + λ<sub>max</sub>) = {LessonRuns.Text(LessonRuns.BowlCurvature.OptimalRate)},
                converges in {LessonRuns.Text(LessonRuns.BowlSteps(LessonRuns.BowlCurvature.OptimalRate))} while zig-zagging across the steep direction.
                Speed is good; what warns you is the shape: bouncing, rising, or a sudden jump.</p>
                """),
            new("What it depends on", """
                <p>There is no universal good value. The right rate depends on</p>
                <ul>
                  <li><strong>the architecture</strong>: depth, normalisation layers and initialisation change how steep the loss is;</li>
                  <li><strong>the optimizer</strong>: Adam wants far smaller rates than plain SGD;</li>
                  <li><strong>the batch size</strong>: bigger batches give cleaner gradients, so the noise a given rate adds is smaller (the batch does not move the stability limit, though);</li>
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
            new Experiment
            {
                Id = "predict-0.25",
                Instruction = "Run 0.25 on the bowl.",
                LrMin = 0.25,
                LrMax = 0.25,
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    "The bowl's steep direction has λ = 4, so 0.25 is exactly 1/λmax. What will the run look like?",
                    ExperimentPrediction.Regimes,
                    ExperimentPrediction.ByRegime),
                Lesson = "At α = 1/λmax the factor across the steep direction is 1 − 0.25·4 = 0: that direction is solved in one step, without crossing, and only the gentle one remains.",
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
                ChoiceExplanations =
                [
                    "Every step is lower, but by a ten-thousandth: that is the crawl of a rate that is too small, not a healthy descent.",
                    "",
                    "Going up from 0.9 to 3.1 and then to 9.4 is bouncing that grows: the signature of a rate that is too large.",
                    "A loss that does not move at all means nothing is learning (a rate far too small, or a bug); it is not stability.",
                ],
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
                ChoiceExplanations =
                [
                    "Depth, normalisation and initialisation change how steep the loss is, and steepness sets how long a stride can be.",
                    "Optimizers scale the step differently: Adam normalises it, plain SGD does not, so their good rates differ by orders of magnitude.",
                    "The batch changes how noisy each gradient is, and so how much noise a given rate injects; the good rate moves with it.",
                    "",
                ],
                Explanation = "Architecture, optimizer, batch size and terrain all shift the good range; logging frequency changes nothing about the steps.",
            },
            new QuizQuestion
            {
                Id = "right-handful",
                Prompt = $"On the bowl, plain gradient descent at α = {LessonRuns.Text(0.2)} converges in {LessonRuns.Text(LessonRuns.BowlSteps(0.2))} steps. What does that tell you?",
                Choices =
                [
                    "The rate must be at the edge of stability",
                    "Nothing alarming: a fast run is fine as long as the curve falls without bouncing",
                    "The run is broken; nothing converges that fast",
                    "It will diverge if you run it longer",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    $"The bowl's edge is 2/λmax = {LessonRuns.Text(LessonRuns.BowlTheory.GradientDescentLimit)}, far above 0.2, and at 0.2 the run never even crosses the floor.",
                    "",
                    "On a small quadratic a good fixed rate can finish in a handful of steps; the engine's count is exact, not a glitch.",
                    "Once the error factors are below 1 in size, more steps only shrink the error further: a converged run stays converged.",
                ],
                Explanation = "Speed alone is not a symptom. What warns you is the shape: a loss that bounces, rises or jumps.",
            },
            new QuizQuestion
            {
                Id = "right-optimal",
                Prompt = "The bowl's curvatures are 2 and 4. The fastest fixed rate for plain gradient descent is 2/(λmin + λmax). What is it?",
                Answer = LessonRuns.BowlCurvature.OptimalRate,
                Tolerance = 0.005,
                Hint = "Add the two curvatures, then divide 2 by the sum.",
                Explanation = $"2/(2 + 4) = 1/3 ≈ {LessonRuns.Text(LessonRuns.BowlCurvature.OptimalRate)}. It balances the two directions: each error shrinks by the same factor in size, one of them flipping sign every step, and the engine counts {LessonRuns.Text(LessonRuns.BowlSteps(LessonRuns.BowlCurvature.OptimalRate))} steps.",
            },
        ]);
}
