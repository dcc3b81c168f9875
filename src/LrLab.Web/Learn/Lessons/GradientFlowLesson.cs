using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Gradient descent as Euler steps of the gradient flow, and why the steps oscillate once αλ &gt; 1.</summary>
public static class GradientFlowLesson
{
    private static readonly Surface _parabola = SurfaceCatalog.Find("parabola")!;

    private static readonly string _flow = MathMl.Block(
        "d theta by d t equals minus the gradient of L at theta",
        """<mfrac><mrow><mi>d</mi><mi>θ</mi></mrow><mrow><mi>d</mi><mi>t</mi></mrow></mfrac><mo>=</mo><mo>−</mo><mo>∇</mo><mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo>""");

    private static readonly string _euler = MathMl.Block(
        "theta at t plus alpha is about theta at t minus alpha times the gradient of L at theta of t",
        """<mi>θ</mi><mo stretchy="false">(</mo><mi>t</mi><mo>+</mo><mi>α</mi><mo stretchy="false">)</mo><mo>≈</mo><mi>θ</mi><mo stretchy="false">(</mo><mi>t</mi><mo stretchy="false">)</mo><mo>−</mo><mi>α</mi><mo>∇</mo><mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">(</mo><mi>t</mi><mo stretchy="false">)</mo><mo stretchy="false">)</mo>""");

    private static readonly string _decay = MathMl.Block(
        "flow: w of t equals w zero e to the minus lambda t; steps: w k equals w zero times 1 minus alpha lambda to the k",
        """<mtable columnalign="left"><mtr><mtd><mtext>flow:</mtext><mspace width="0.5em"/><mi>w</mi><mo stretchy="false">(</mo><mi>t</mi><mo stretchy="false">)</mo><mo>=</mo><msub><mi>w</mi><mn>0</mn></msub><msup><mi>e</mi><mrow><mo>−</mo><mi>λ</mi><mi>t</mi></mrow></msup></mtd></mtr><mtr><mtd><mtext>steps:</mtext><mspace width="0.5em"/><msub><mi>w</mi><mi>k</mi></msub><mo>=</mo><msub><mi>w</mi><mn>0</mn></msub><msup><mrow><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><mi>α</mi><mi>λ</mi><mo stretchy="false">)</mo></mrow><mi>k</mi></msup></mtd></mtr></mtable>""");

    /// <summary>Time at which the lesson's table compares the steps with the flow.</summary>
    public const double Horizon = 3;

    /// <summary>Per rate: w after the steps that reach t = <see cref="Horizon"/> on the parabola, how often w changed sign on the way, and the flow's w there.</summary>
    public static IReadOnlyList<(double Lr, int Count, double Steps, int Flips, double Flow)> Table { get; } =
        [.. new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 1.0 }.Select(Row)];

    private static (double, int, double, int, double) Row(double lr)
    {
        var count = (int)Math.Round(Horizon / lr);
        var run = Simulator.Run(_parabola, new Sgd(new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = count });
        var flips = run.Steps.Zip(run.Steps.Skip(1), (a, b) => a.Params[0] * b.Params[0] < 0 ? 1 : 0).Sum();
        return (lr, count, run.Steps[^1].Params[0], flips, GradientFlow.Trace(_parabola, _parabola.DefaultStart, Horizon, 100)[^1].Params[0]);
    }

    private static string N(double v) => Numbers.Short(v, 3);

    private static string Rows => string.Concat(Table.Select(r =>
        $"<tr><td>{N(r.Lr)}</td><td>{N(r.Lr * _parabola.LambdaMax)}</td><td>{r.Count}</td><td>{N(r.Steps)}</td><td>{r.Flips}</td><td>{N(r.Flow)}</td></tr>"));

    private static PredictionOutcome Outcome()
    {
        var runs = FlowRuns.Compute(0.3);
        var ys = runs.Steps.Steps.Select(p => Math.Abs(p.Params[1])).ToList();
        var correct = runs.Steps.BlowUpStep is not null || ys[^1] > ys[0] ? 2 : runs.SignFlips > 0 ? 1 : 0;
        return new PredictionOutcome(correct, $"At α = 0.3 (αλmax = {N(runs.StepTimesCurvature)}) y is multiplied by {N(runs.Factor)} each step: it changed sign {runs.SignFlips} times and shrank from 3 to {N(runs.Steps.Steps[^1].Params[1])}. The flow's y changed sign {runs.FlowSignFlips} times.");
    }

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "gradient-flow",
        "Gradient flow: the path the steps approximate",
        "Descent is a step-by-step approximation of a smooth downhill flow; the rate is its time step, and too long a time step oscillates.",
        [
            new("A smooth path downhill", $"""
                <p>Imagine shrinking the rate towards zero while taking more and more steps. The points close up into a
                smooth curve that always heads straight down the slope: the gradient flow, the solution of</p>
                {_flow}
                <p>The simplest way to follow such an equation numerically is Euler's method: stand at θ(t), take the
                slope there, and move along it for a time α:</p>
                {_euler}
                <p>That is exactly gradient descent. So the learning rate is a time step, and step k of gradient
                descent sits at time t = kα on the flow's clock. (In this lesson t is that continuous time and k counts
                the steps.)</p>
                """)
            {
                Prediction = new Prediction
                {
                    Id = "flow-sign",
                    Prompt = "On the bowl (λmax = 4) at α = 0.3, how does the steps' y behave, which starts at 3?",
                    Choices =
                    [
                        "It shrinks smoothly towards 0, like the flow",
                        "It changes sign every step while shrinking",
                        "It grows: the run diverges",
                    ],
                    Run = Outcome,
                },
            },
            new("The flow never oscillates", $"""
                <p>On the one-parameter quadratic L = λw²/2 both can be written down:</p>
                {_decay}
                <p>The flow decays like an exponential: it slows down as it nears the minimum and never crosses it. The
                steps multiply w by (1 − αλ), which is close to e^(−αλ) only while αλ ≪ 1. On the parabola L = w²
                (λ = {N(_parabola.LambdaMax)}), starting at w = 4 and stopping at t = {N(Horizon)}, the engine gives:</p>
                <table class="lesson-table" tabindex="0">
                  <thead><tr><th scope="col">α</th><th scope="col">αλ</th><th scope="col">steps</th><th scope="col">w after them</th><th scope="col">sign changes</th><th scope="col">flow's w({N(Horizon)})</th></tr></thead>
                  <tbody>{Rows}</tbody>
                </table>
                <p>Small time steps track the flow; at αλ = 1 one step lands exactly on the minimum, which the flow only
                approaches; beyond that the factor 1 − αλ is negative and w changes sign every step; at αλ = 2 it
                bounces forever, and above 2 it grows. The flow has none of this. Oscillation is an artefact of
                stepping too far, not something the landscape asks for.</p>
                <p>Below, the flow (green) and the steps (orange) start together on the bowl, where λmax = {N(SurfaceCatalog.Find("bowl")!.LambdaMax)}.
                The right chart puts the steps on the flow's clock.</p>
                """)
            {
                Panel = LessonPanel.FlowVsSteps,
            },
            new("What the picture explains", """
                <p>Stability limits are the limits of Euler's method: on curvature λ its steps are stable only for
                αλ &lt; 2, monotone only for αλ &lt; 1. A steep direction (large λ) needs a short time step even when the
                flow itself is perfectly tame there. And a smaller rate is not a more accurate destination, only a more
                faithful route: every stable rate reaches the same minimum; tiny ones just need many more steps to cover
                the same stretch of time.</p>
                """),
        ],
        [
            "Gradient descent is the Euler discretisation, with time step α, of dθ/dt = −∇L(θ); step k sits at t = kα.",
            "On L = λw²/2 the flow decays as e^(−λt) and never oscillates; the steps follow it only while αλ ≪ 1, oscillate for 1 < αλ < 2, and diverge beyond.",
        ],
        new WidgetPreset
        {
            Surface = "parabola",
            Lr = 0.1,
            Steps = 50,
            LrMin = 1e-3,
            LrMax = 1.5,
            QuickRates = [0.1, 0.5, 0.75, 1.0],
        },
        [
            new Experiment
            {
                Id = "flow-small",
                Instruction = "Run the parabola at 0.1 (αλ = 0.2): step through and watch w shrink without changing sign.",
                LrMin = 0.1,
                LrMax = 0.1,
                Surface = "parabola",
                Lesson = "Each step keeps 0.8 of w: the same sign every time, like the flow.",
            },
            new Experiment
            {
                Id = "flow-exact",
                Instruction = "Try 0.5 (αλ = 1).",
                LrMin = 0.5,
                LrMax = 0.5,
                Surface = "parabola",
                Lesson = "One step lands on the minimum: 1 − αλ = 0. The flow would take forever to get there.",
            },
            new Experiment
            {
                Id = "flow-oscillate",
                Instruction = "Now 0.75 (αλ = 1.5).",
                LrMin = 0.75,
                LrMax = 0.75,
                Surface = "parabola",
                Lesson = "The factor is −0.5: w flips sign every step while it shrinks. The flow never does that.",
            },
        ],
        GradientFlowQuiz.Questions);
}
