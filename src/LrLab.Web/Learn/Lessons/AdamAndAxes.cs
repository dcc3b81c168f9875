using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Adam's per-coordinate scaling helps on the ravine because its valley lies along an axis; turn it and the help shrinks.</summary>
public static class AdamAndAxes
{
    /// <summary>The rates compared: plain SGD below its limit, Adam at a rate that suits the ravine.</summary>
    public static readonly IReadOnlyList<(string Optimizer, double Lr)> Runs = [("sgd", 0.03), ("adam", 0.05), ("adam", 0.1), ("adam", 0.2), ("adam", 0.5)];

    /// <summary>The two surfaces.</summary>
    public static readonly IReadOnlyList<string> Surfaces = ["ravine", "rotated-ravine"];

    /// <summary>Each optimizer on each surface, 200 steps from the default start.</summary>
    public static IReadOnlyDictionary<(string Optimizer, double Lr, string Surface), Trajectory> Measured { get; } =
        Runs.SelectMany(r => Surfaces.Select(s => (r, s))).ToDictionary(
            p => (p.r.Optimizer, p.r.Lr, p.s),
            p => Simulator.Run(SurfaceCatalog.Find(p.s)!, OptimizerFactory.Create(p.r.Optimizer, new OptimizerOptions { Lr = p.r.Lr }), new SimulationOptions()));

    private static Trajectory M(string optimizer, string surface, double? lr = null) =>
        Measured[(optimizer, lr ?? (optimizer == "sgd" ? 0.03 : 0.1), surface)];

    private static string N(double v) => Numbers.Short(v, 3);

    private static string Steps(Trajectory t) => t.StepsToConverge is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not within 200";

    private static string Rows => string.Concat(Runs.Select(r =>
        $"<tr><th scope=\"row\">{r.Optimizer} at {N(r.Lr)}</th><td>{Steps(M(r.Optimizer, "ravine", r.Lr))}</td><td>{N(M(r.Optimizer, "ravine", r.Lr).FinalLoss)}</td><td>{Steps(M(r.Optimizer, "rotated-ravine", r.Lr))}</td><td>{N(M(r.Optimizer, "rotated-ravine", r.Lr).FinalLoss)}</td></tr>"));

    private static PredictionOutcome Outcome()
    {
        int? a = M("adam", "ravine").StepsToConverge, b = M("adam", "rotated-ravine").StepsToConverge;
        var correct = b is null || (a is not null && b > a * 1.2) ? 1 : a is null || b < a * 0.8 ? 2 : 0;
        return new PredictionOutcome(correct, $"Adam at 0.1 converges in {Steps(M("adam", "ravine"))} steps on the ravine and needs {Steps(M("adam", "rotated-ravine"))} on the rotated ravine; plain SGD at 0.03 takes {Steps(M("sgd", "ravine"))} on both.");
    }

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "adam-and-axes",
        "Adam and the axes",
        "Adam rescales each coordinate; that helps most when the valley runs along a coordinate axis.",
        [
            new("Same valley, turned", $"""
                <p>The ravine L = 0.5x² + 25y² is steep across y and flat along x, and its valley runs exactly along
                the x-axis. The rotated ravine is the same valley turned by 45°:
                L = 0.25(x + y)² + 12.5(x − y)². Both have curvatures 1 and 50 at the minimum, the same condition number
                {N(SurfaceCatalog.Find("rotated-ravine")!.Curvature!.ConditionNumber)} and the same limit
                2/λmax = {N(LrLab.Core.Theory.RateTheory.GradientDescent(SurfaceCatalog.Find("rotated-ravine")!.Curvature)!.GradientDescentLimit)}. Its default start is the ravine's
                start turned with it, so every run below starts the same distance from the minimum.</p>
                """)
            {
                Prediction = new Prediction
                {
                    Id = "adam-rotated",
                    Prompt = "Adam at 0.1 converges on the ravine. Turn the valley by 45° (same curvatures, same start distance). What happens to Adam's step count?",
                    Choices = ["About the same", "It gets clearly worse", "It gets clearly better"],
                    Run = Outcome,
                },
            },
            new("Who notices the turn", $"""
                <p>Plain gradient descent only follows the gradient, and turning the picture turns the gradient with
                it: the run is the same, just rotated. Adam is different. It divides each coordinate's step by that
                coordinate's own typical gradient size. On the axis-aligned ravine, y carries all the steepness and x
                all the flatness, so this is exactly the right correction: big steps along the floor, small ones across.
                Once the valley is diagonal, x and y each see a mix of steep and flat, and the per-coordinate scaling
                can no longer separate them. The engine, 200 steps from each default start:</p>
                <table class="lesson-table" tabindex="0">
                  <thead><tr><th scope="col">run</th><th scope="col">ravine: steps</th><th scope="col">final loss</th><th scope="col">rotated: steps</th><th scope="col">final loss</th></tr></thead>
                  <tbody>{Rows}</tbody>
                </table>
                <p>Plain SGD's rows match to the last digit. Adam's do not: at 0.1 it converges in
                {Steps(M("adam", "ravine"))} steps on the aligned ravine and needs {Steps(M("adam", "rotated-ravine"))} on
                the turned one; at 0.05 the turned run does not converge within 200 steps at all. Only with long strides
                (0.5: {Steps(M("adam", "ravine", 0.5))} against {Steps(M("adam", "rotated-ravine", 0.5))} steps) does the
                difference fade, because then every coordinate moves about α per step whichever way the valley points.
                So Adam's clean advantage at moderate rates came from the valley being lined up with the axes, not from
                knowing the curvature. Real networks sit in between: some directions of high curvature line up with
                individual weights, many do not.</p>
                """),
        ],
        [
            "rotated-ravine is the ravine turned 45°: the same curvatures 1 and 50, a valley no axis follows.",
            "Plain gradient descent is blind to rotation; Adam's per-coordinate scaling helps most when steep and flat directions line up with the coordinates.",
        ],
        new WidgetPreset
        {
            Surface = "ravine",
            Optimizer = "adam",
            Lr = 0.1,
            Steps = 200,
            LrMin = 1e-3,
            LrMax = 1,
            QuickRates = [0.03, 0.1, 0.3],
            SurfaceChoices = ["ravine", "rotated-ravine"],
            OptimizerChoices = ["sgd", "adam"],
        },
        [
            new Experiment
            {
                Id = "adam-ravine",
                Instruction = "Run Adam at 0.1 on the ravine.",
                LrMin = 0.1,
                LrMax = 0.1,
                Optimizer = "adam",
                Surface = "ravine",
                Lesson = "Per-coordinate scaling straightens the path: steps along the floor are as long as steps across.",
            },
            new Experiment
            {
                Id = "adam-rotated",
                Instruction = "Same rate on the rotated ravine.",
                LrMin = 0.1,
                LrMax = 0.1,
                Optimizer = "adam",
                Surface = "rotated-ravine",
                Lesson = "The same valley, turned: Adam wobbles across the valley, then creeps along it, and needs far more steps.",
            },
            new Experiment
            {
                Id = "sgd-rotated",
                Instruction = "Switch to sgd at 0.03 on the rotated ravine and compare with the ravine.",
                LrMin = 0.03,
                LrMax = 0.03,
                Optimizer = "sgd",
                Surface = "rotated-ravine",
                Lesson = "The same step count and losses as on the ravine: plain descent does not care which way the valley points.",
            },
        ],
        [
            new QuizQuestion
            {
                Id = "axes-sgd-rotation",
                Prompt = "You rotate a surface and its start point by 45°. What happens to plain gradient descent's losses?",
                Choices = ["They stay exactly the same", "They get worse", "They get better", "It depends on the rate"],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "Right: the gradient rotates with the surface, so the whole run is the same run, turned.",
                    "Plain descent has no preferred axes, so a rotation cannot hurt it; Adam is the one that gets worse.",
                    "Nothing about the run changes except its orientation.",
                    "At every rate the rotated run is the original one turned, so the losses match at every rate.",
                ],
                Explanation = $"On the engine SGD at 0.03 reaches {N(M("sgd", "ravine").FinalLoss)} on the ravine and {N(M("sgd", "rotated-ravine").FinalLoss)} on the rotated one.",
            },
            new QuizQuestion
            {
                Id = "axes-adam-why",
                Prompt = "Why does Adam do better on the axis-aligned ravine than on the rotated one?",
                Choices =
                [
                    "Its scaling is per coordinate, so it can only separate steep and flat directions that are coordinates",
                    "The rotated ravine has a larger condition number",
                    "Adam's learning rate is too small for rotated surfaces",
                    "The rotated ravine has a different minimum",
                ],
                CorrectChoice = 0,
                ChoiceExplanations =
                [
                    "Right: dividing x and y by their own gradient sizes fixes a valley along an axis, not a diagonal one.",
                    "Both have curvatures 1 and 50: the same condition number 50.",
                    "It is the same rate on the same valley; what changed is only the direction of the valley.",
                    "Both have their minimum at (0, 0) with the same value.",
                ],
                Explanation = "Adam's √v̂ is a diagonal preconditioner: it matches the curvature only when the curvature's directions are the axes.",
            },
        ]);
}
