namespace LrLab.Web.Learn.Lessons;

/// <summary>Lesson 5: bowl versus ravine, curvature and condition number.</summary>
public static class Terrain
{
    private static readonly string _kappa = MathMl.Block(
        "kappa equals lambda max over lambda min",
        """<mi>κ</mi><mo>=</mo><mfrac><msub><mi>λ</mi><mi>max</mi></msub><msub><mi>λ</mi><mi>min</mi></msub></mfrac>""");

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "terrain",
        "Terrain: bowls and ravines",
        "Curvature sets the speed limit, and a narrow valley lowers it for every direction.",
        [
            new("Curvature", """
                <p>Curvature is how quickly the slope changes as you move. Where it is high, the ground turns steep within
                a short distance, so a long stride overshoots. In two or more dimensions each direction has its own
                curvature; the largest one, λ<sub>max</sub>, sets the edge 2/λ<sub>max</sub> from the last lesson.</p>
                """),
            new("Bowl versus ravine", $"""
                <p>The lab's bowl, x² + 2y², is nearly round: curvatures 2 and 4. Its ravine, 0.5x² + 25y², is a long
                narrow valley: curvature 1 along the floor and 50 across it. The ratio of the two is the condition
                number:</p>
                {_kappa}
                <p>It is 2 for the bowl and 50 for the ravine. A large condition number means some directions are far
                steeper than others.</p>
                """),
            new("Why the ravine punishes large rates", """
                <p>The stability limit comes from the steepest direction: 2/50 = 0.04 in the ravine against 2/4 = 0.5 in
                the bowl, far below the bowl's. A rate that would be modest for the bowl makes the marker bounce from wall
                to wall across the ravine instead of sliding along its floor, and the bounces grow. Worse, a rate that is
                safe across the ravine is tiny for the gentle floor: at 0.04 the floor direction keeps 96 % of its error
                per step. A large condition number forces a compromise between the two.</p>
                """),
        ],
        [
            "Curvature is how fast the slope changes; the largest curvature λmax sets the limit 2/λmax.",
            "Condition number = λmax/λmin: 2 for the bowl, 50 for the ravine (a narrow valley).",
            "The ravine's stability limit (0.04) is far below the bowl's (0.5); a large rate bounces wall to wall instead of sliding along the floor.",
        ],
        new WidgetPreset
        {
            Surface = "ravine",
            Lr = 0.03,
            Steps = 200,
            LrMax = 1,
            QuickRates = [0.01, 0.03, 0.045],
            SurfaceChoices = ["bowl", "ravine"],
        },
        [
            new Experiment
            {
                Id = "ravine-bounce",
                Instruction = "On the ravine, set a rate just above its limit, e.g. 0.045.",
                LrMin = 0.0401,
                LrMax = 1,
                Surface = "ravine",
                Lesson = "Across the valley the factor is below −1, so the marker bounces from wall to wall, further each time.",
            },
            new Experiment
            {
                Id = "bowl-same-rate",
                Instruction = "Switch to the bowl and run the same rate (0.045 or so).",
                LrMin = 0.0401,
                LrMax = 0.3,
                Surface = "bowl",
                Lesson = "The same rate is perfectly safe on the round bowl: its limit is 0.5.",
            },
            new Experiment
            {
                Id = "ravine-floor",
                Instruction = "Back on the ravine, pick a safe rate like 0.03 and watch the floor.",
                LrMin = 0.001,
                LrMax = 0.04,
                Surface = "ravine",
                Lesson = "Across the valley the marker settles fast; along the gentle floor it creeps, because the safe rate is small for that direction.",
            },
            new Experiment
            {
                Id = "predict-ravine-0.3",
                Instruction = "On the ravine, run 0.3 (a rate the bowl handles well).",
                LrMin = 0.3,
                LrMax = 0.3,
                Surface = "ravine",
                Predict = new ExperimentPrediction(
                    "0.3 is fine on the bowl. What will it do in the ravine?",
                    ExperimentPrediction.Regimes,
                    ExperimentPrediction.ByRegime),
                Lesson = "Across the ravine the factor is 1 − 0.3·50 = −14: each bounce is fourteen times the last, and the numbers soon overflow.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "terrain-valley",
                Prompt = "What does a too-large learning rate do in a narrow valley?",
                Choices =
                [
                    "It slides faster along the floor",
                    "It stops at the nearest wall",
                    "It bounces from wall to wall across the valley, and the bounces can grow until it diverges",
                    "Nothing different from a round bowl",
                ],
                CorrectChoice = 2,
                ChoiceExplanations =
                [
                    "The floor is the gentle direction, but the same α applies across the valley too, where the walls are steep. The step across overshoots long before the floor would benefit.",
                    "Gradient descent has no notion of walls to stop at: the step across the valley is α times a large slope, so it flies past the far wall's bottom.",
                    "",
                    "The ravine's steepest curvature is far higher than the bowl's, so its limit 2/λmax is far lower: the same rate behaves very differently.",
                ],
                Explanation = "The steep walls have high curvature, so the step across overshoots; the limit 2/λmax is set by the walls, not the floor.",
            },
            new QuizQuestion
            {
                Id = "terrain-kappa",
                Prompt = "A valley has curvatures 2 and 200. What is its condition number?",
                Answer = 100,
                Tolerance = 0.01,
                Hint = "Divide the larger curvature by the smaller one.",
                Explanation = "κ = λmax/λmin = 200/2 = 100.",
            },
            new QuizQuestion
            {
                Id = "terrain-limit",
                Prompt = "The ravine's largest curvature is 50. Plain gradient descent converges for every rate below a limit. What is the limit?",
                Answer = LessonRuns.RavineTheory.GradientDescentLimit,
                Tolerance = 0.0005,
                Hint = "The limit comes from the steepest direction only: 2 divided by the largest curvature.",
                Explanation = "2/λmax = 2/50 = 0.04, twelve and a half times below the bowl's 0.5. The limit itself is excluded: at exactly 0.04 the factor across the valley is −1 and the marker bounces forever.",
            },
            new QuizQuestion
            {
                Id = "terrain-floor",
                Prompt = $"In the ravine (curvatures 1 and 50) you run α = {LessonRuns.Text(0.03)}. What share of the error along the gentle floor is left after one step?",
                Answer = 1 - (0.03 * LessonRuns.RavineCurvature.LambdaMin),
                Tolerance = 0.005,
                Form = NumericForm.Fraction,
                Hint = "Along the floor the factor is 1 − αλ with the floor's curvature, λ = 1.",
                Explanation = $"1 − 0.03·1 = {LessonRuns.Text(1 - (0.03 * LessonRuns.RavineCurvature.LambdaMin))}: 97 % stays. A rate that is safe across the valley is tiny along it, which is why a large condition number makes plain gradient descent slow.",
            },
        ]);
}
