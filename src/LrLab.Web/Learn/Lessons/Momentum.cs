using static LrLab.Web.Learn.Lessons.MomentumNumbers;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Momentum: the heavy ball, its effective rate and limits, why it overshoots, and the best β for a ravine.</summary>
public static class Momentum
{
    private static readonly string _rule = MathMl.Block(
        "v becomes beta v plus g; theta becomes theta minus alpha v",
        """<mtable columnalign="left"><mtr><mtd><mi>v</mi><mo>←</mo><mi>β</mi><mi>v</mi><mo>+</mo><mi>g</mi></mtd></mtr><mtr><mtd><mi>θ</mi><mo>←</mo><mi>θ</mi><mo>−</mo><mi>α</mi><mi>v</mi></mtd></mtr></mtable>""");

    private static readonly string _effective = MathMl.Inline(
        "alpha over 1 minus beta",
        """<mfrac><mi>α</mi><mrow><mn>1</mn><mo>−</mo><mi>β</mi></mrow></mfrac>""");

    private static readonly string _limits = MathMl.Block(
        "heavy ball: alpha less than 2 plus 2 beta over lambda max; Nesterov: alpha less than 2 plus 2 beta over 1 plus 2 beta times lambda max",
        """<mtable columnalign="left"><mtr><mtd><mi>α</mi><mo>&lt;</mo><mfrac><mrow><mn>2</mn><mo>+</mo><mn>2</mn><mi>β</mi></mrow><msub><mi>λ</mi><mi>max</mi></msub></mfrac><mspace width="0.6em"/><mtext>heavy ball</mtext></mtd></mtr><mtr><mtd><mi>α</mi><mo>&lt;</mo><mfrac><mrow><mn>2</mn><mo>+</mo><mn>2</mn><mi>β</mi></mrow><mrow><mo stretchy="false">(</mo><mn>1</mn><mo>+</mo><mn>2</mn><mi>β</mi><mo stretchy="false">)</mo><msub><mi>λ</mi><mi>max</mi></msub></mrow></mfrac><mspace width="0.6em"/><mtext>Nesterov</mtext></mtd></mtr></mtable>""");

    private static readonly string _best = MathMl.Block(
        "best beta equals the square of root kappa minus 1 over root kappa plus 1",
        """<msup><mi>β</mi><mo>*</mo></msup><mo>=</mo><msup><mrow><mo>(</mo><mfrac><mrow><msqrt><mi>κ</mi></msqrt><mo>−</mo><mn>1</mn></mrow><mrow><msqrt><mi>κ</mi></msqrt><mo>+</mo><mn>1</mn></mrow></mfrac><mo>)</mo></mrow><mn>2</mn></msup>""");

    private static int? Conv(LrLab.Core.Simulation.Trajectory t) => t.StepsToConverge;

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "momentum",
        "Momentum: a ball with a memory",
        "Momentum adds up past gradients: longer strides on gentle slopes, a higher limit, and overshoot you should expect.",
        [
            new("A ball with a memory", $"""
                <p>Plain descent forgets: each step uses only the gradient where it stands. Momentum keeps a velocity v,
                a running sum of gradients in which older ones fade by a factor β each step. PyTorch's SGD with
                momentum (the same as Polyak's heavy ball) is</p>
                {_rule}
                <p>Where the slope g stays the same for a while, v grows towards g/(1 − β), so the stride becomes
                {_effective} long: the effective rate. With β = {N(Beta)} that is {N(LrLab.Core.Theory.MomentumTheory.EffectiveRate(1, Beta))} times α. On a long gentle slope
                this is the whole point: the ball gathers speed where plain descent would crawl.</p>
                """)
            {
                Prediction = new Prediction
                {
                    Id = "momentum-swing",
                    Prompt = $"On the bowl at α = {N(Lr)} and β = {N(Beta)}, x starts at −4. How far does it get before it turns back?",
                    Choices =
                    [
                        "It stops short of 0, like plain descent",
                        "Just past 0, less than +0.5",
                        "Well past: beyond +2",
                        "It never turns back: the run diverges",
                    ],
                    Run = () => new PredictionOutcome(
                        BowlMomentum.BlowUpStep is not null ? 3 : SwingX <= 0 ? 0 : SwingX < 0.5 ? 1 : SwingX > 2 ? 2 : 1,
                        $"The engine's run reaches x = +{N(SwingX)} and converges after {Conv(BowlMomentum)} steps; plain descent at the same rate never crosses 0 and converges after {Conv(BowlPlain)}."),
                },
            },
            new("Why it overshoots", $"""
                <p>Speed does not vanish at the bottom of a valley. When the ball reaches the floor its velocity still
                points forward, so it rolls up the far side, turns, and comes back: a damped swing. On the bowl at
                α = {N(Lr)} and β = {N(Beta)}, x starts at −4 and swings to +{N(SwingX)} before turning back, and y goes
                from 3 to {N(SwingY)}. That is not a small overshoot: it is more than half the starting distance. The
                engine counts {Conv(BowlMomentum)} steps to converge, against {Conv(BowlPlain)} for plain descent at the
                same α, because on the round bowl there is no slow direction for the speed to help with.</p>
                <p>Move the two sliders together below. Plain descent (dashed) at the same α is drawn for comparison.</p>
                """)
            {
                Panel = LessonPanel.Momentum,
            },
            new("How far α can go", $"""
                <p>On a quadratic, momentum raises the stability limit. Heavy ball and PyTorch's Nesterov variant
                (which steps with g + βv instead of v) diverge above</p>
                {_limits}
                <p>On the bowl (λmax = 4) with β = {N(Beta)}: plain descent stops at 2/λmax = {N(PlainLimit)}, heavy ball
                at {N(HeavyBallLimit)}, Nesterov at {N(NesterovLimit)}. Nesterov's step g + βv counts the newest gradient
                twice (once on its own, once inside v), so along the steepest direction it pushes harder and reaches its
                limit at a smaller α. A higher limit does not mean a bigger α is better: the
                effective rate α/(1 − β) grows faster than the limit does.</p>
                """),
            new("The best β for a ravine", $"""
                <p>Momentum earns its keep in ravines, where plain descent must keep α below the steep wall's limit
                and then creeps along the floor. With κ = λmax/λmin the best heavy ball on a quadratic uses</p>
                {_best}
                <p>and α = 4/(√λmax + √λmin)². It shrinks the error by (√κ − 1)/(√κ + 1) per step, against
                (κ − 1)/(κ + 1) for plain descent at its best rate. For the ravine (κ = {N(Ravine.ConditionNumber)}):
                β* = {N(BestBeta)} and α* = {N(BestRate)}; the factors are
                {N(BestContraction)} against
                {N(PlainContraction)}. The engine's runs agree: heavy ball
                converges in {Conv(RavineMomentum)} steps, plain descent at 2/(λmin + λmax) = {N(Ravine.OptimalRate)}
                in {Conv(RavinePlain)}. That gap grows like √κ: a valley a hundred times narrower costs plain descent
                a hundred times more steps, momentum only ten times more. Pick the ravine in the explorer and press
                "Best α and β".</p>
                """),
        ],
        [
            "Momentum (PyTorch, heavy ball): v ← βv + g, θ ← θ − αv; effective rate α/(1−β) along flat directions.",
            $"On a quadratic heavy ball is stable for α < (2+2β)/λmax; PyTorch's Nesterov for α < (2+2β)/((1+2β)λmax) ({N(NesterovLimit)} on the bowl at β = 0.9).",
            $"Momentum overshoots: at α {N(Lr)}, β {N(Beta)} on the bowl x swings from −4 to +{N(SwingX)}.",
            "Best heavy ball on a ravine: β = ((√κ−1)/(√κ+1))², error shrinking by (√κ−1)/(√κ+1) a step against (κ−1)/(κ+1).",
        ],
        new WidgetPreset
        {
            Surface = "bowl",
            Optimizer = "momentum",
            Lr = Lr,
            Steps = 200,
            LrMin = 1e-3,
            LrMax = 2,
            QuickRates = [0.01, 0.05, 0.5, 0.9],
            SurfaceChoices = ["bowl", "ravine"],
            OptimizerChoices = ["sgd", "momentum"],
        },
        [
            new Experiment
            {
                Id = "momentum-overshoot",
                Instruction = $"Run momentum (β = 0.9) at {N(Lr)} on the bowl and watch the marker cross the floor.",
                LrMin = Lr,
                LrMax = Lr,
                Optimizer = "momentum",
                Surface = "bowl",
                Lesson = "The velocity carries it past the minimum and back: a damped swing, not a slide.",
            },
            new Experiment
            {
                Id = "momentum-beyond-plain-limit",
                Instruction = $"Now momentum at 0.9 on the bowl: far above plain descent's limit {N(PlainLimit)}.",
                LrMin = 0.9,
                LrMax = 0.9,
                Optimizer = "momentum",
                Surface = "bowl",
                Lesson = $"It still converges: with β = 0.9 the limit is (2+2β)/λmax = {N(HeavyBallLimit)}.",
            },
            new Experiment
            {
                Id = "plain-beyond-limit",
                Instruction = "Switch to plain sgd at the same 0.9.",
                LrMin = 0.9,
                LrMax = 0.9,
                Optimizer = "sgd",
                Surface = "bowl",
                Lesson = "Without the memory the same rate is far beyond 2/λmax and the run diverges.",
            },
        ],
        MomentumQuiz.Questions);
}
