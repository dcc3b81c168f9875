namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 6: defaults, orders-of-magnitude search and the LR range test.</summary>
public static class FindingARate
{
    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "finding-a-rate",
        "Finding a good rate",
        "Start from a default, search by powers of ten, or let a range test sweep for you.",
        [
            new("Start from a default", """
                <p>Every optimizer has a rate that works often enough to be a first guess: 0.01 for SGD, 0.001 for Adam
                (the optimizers lesson has the full table). A first guess is not an answer, though; the search below
                turns it into one.</p>
                """),
            new("Search by orders of magnitude", """
                <p>Good rates differ between problems by factors of ten, not by a few percent, so search on a log scale.
                Run short trainings at 0.1, 0.01, 0.001 and 0.0001 (on MNIST-scale problems a coarse grid of 0.01, 0.1
                and 1.0 is a good start). Pick the one with the fastest steady decrease that does not oscillate, then
                refine between it and its neighbours, e.g. 0.02, 0.05.</p>
                """),
            new("The LR range test", """
                <p>One run can sweep the whole range. Start near 1e-7 and raise the rate a little (by a constant factor)
                after every mini-batch while recording the loss. Plot loss against rate on a log axis and you see four
                parts: flat (the rate is too small to matter), descending, a spot where it stops improving, and a sharp
                climb. Pick a rate about 10× below where the loss starts climbing: far enough from the cliff to be safe,
                close enough to be fast. The <a href="finder">Finder</a> page runs this test on a real network in your
                browser.</p>
                """),
        ],
        [
            "Coarse search: try orders of magnitude 0.1, 0.01, 0.001, 0.0001 (or 0.01, 0.1, 1.0 on MNIST-scale problems); pick the fastest steady decrease without oscillation, then refine.",
            "LR range test: start near 1e-7, raise the rate each mini-batch while recording loss, plot loss vs rate on a log axis.",
            "The curve goes flat, descending, stops improving, sharp climb; pick about 10× below where the loss starts climbing.",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Lr = 0.01,
            Steps = 200,
            QuickRates = [0.0001, 0.001, 0.01, 0.1, 1.0],
        },
        [
            new Experiment
            {
                Id = "grid-0.01",
                Instruction = "Coarse grid, first point: run 0.01.",
                LrMin = 0.01,
                LrMax = 0.01,
                Surface = "bowl",
                Lesson = "Steady but slow: the next power of ten is worth a try.",
            },
            new Experiment
            {
                Id = "grid-0.1",
                Instruction = "Second point: run 0.1.",
                LrMin = 0.1,
                LrMax = 0.1,
                Surface = "bowl",
                Lesson = "Fast and steady: the best of the grid so far.",
            },
            new Experiment
            {
                Id = "grid-1.0",
                Instruction = "Third point: run 1.0.",
                LrMin = 1.0,
                LrMax = 1.0,
                Surface = "bowl",
                Lesson = $"Past the edge: the grid says the answer lies between 0.1 and 1.0, and refining finds that {LessonRuns.Text(LessonRuns.BowlTheory.GradientDescentLimit)} is the cliff.",
            },
            new Experiment
            {
                Id = "predict-0.0001",
                Instruction = "Run the smallest grid point, 0.0001.",
                LrMin = 0.0001,
                LrMax = 0.0001,
                Surface = "bowl",
                Predict = new ExperimentPrediction(
                    "At 0.0001, will the bowl converge within the 200 steps?",
                    ["Yes, within 200 steps", "No, it still needs more than 200"],
                    ExperimentPrediction.ByConvergence),
                Lesson = "Far from it: the grid's bottom end is a crawl, which is why the search moves up by powers of ten.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "find-grid",
                Prompt = "You have no idea what rate to use. What should the first search look like?",
                Choices =
                [
                    "0.010, 0.011, 0.012, 0.013",
                    "Only the default, for a long run",
                    "0.1, 0.01, 0.001, 0.0001",
                    "1, 2, 3, 4",
                ],
                CorrectChoice = 2,
                ChoiceExplanations =
                [
                    "Steps of 10 % explore a tiny slice of the range. If the right rate is 0.0005 or 0.3, this grid never gets near it.",
                    "A default is a first guess. One long run tells you about that one rate and nothing about its neighbours.",
                    "",
                    "Evenly spaced rates of 1 and more are likely all far too large, and they skip every order of magnitude below 1.",
                ],
                Explanation = "Good rates differ by factors of ten between problems, so first find the right power of ten, then refine.",
            },
            new QuizQuestion
            {
                Id = "find-10x",
                Prompt = "In an LR range test the loss starts climbing at a rate of 0.3. Which rate do you pick?",
                Answer = 0.03,
                Tolerance = 0.005,
                Hint = "Step back by one order of magnitude from where the climb begins.",
                Explanation = "About 10× below the start of the climb: 0.3 / 10 = 0.03.",
            },
            new QuizQuestion
            {
                Id = "find-margin",
                Prompt = "Why not simply take the rate at the lowest point of the range-test curve?",
                Choices =
                [
                    "The lowest point is always at 1e-7",
                    "Right there the loss is about to climb; a rate well below it leaves a safety margin",
                    "The curve has no lowest point",
                    "Because the range test uses a different optimizer",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "At 1e-7 the rate is too small to change anything: the curve is flat there, not at its lowest.",
                    "",
                    "The curve does have a lowest point, just before the climb; the trouble is how close to the climb it is.",
                    "The range test uses the optimizer you plan to train with; that is why its answer transfers.",
                ],
                Explanation = "The bottom of the curve sits next to the cliff, and the test's rate was rising while it was measured; stepping back about 10× keeps you on the steady part.",
            },
            new QuizQuestion
            {
                Id = "find-grid-bowl",
                Prompt = "On the bowl the coarse grid 0.01, 0.1, 1.0 gives: crawling, smooth and fast, diverging. Where should you refine?",
                Choices =
                [
                    "Between 0.001 and 0.01",
                    "Between 0.1 and 1.0, stepping up from 0.1",
                    "Above 1.0",
                    "Nowhere: take 0.01 because it is the default",
                ],
                CorrectChoice = 1,
                ChoiceExplanations =
                [
                    "0.01 already crawls; going lower only makes it slower.",
                    "",
                    "1.0 diverges, and larger rates diverge faster.",
                    "The default is where the search starts, not where it ends; here the grid already found a rate that is clearly better.",
                ],
                Explanation = $"The best grid point is 0.1 and its larger neighbour diverges, so the answer lies between them. Refining finds the cliff at 2/λmax = {LessonRuns.Text(LessonRuns.BowlTheory.GradientDescentLimit)}.",
            },
        ]);
}
