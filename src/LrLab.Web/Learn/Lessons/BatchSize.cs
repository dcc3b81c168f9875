using static LrLab.Web.Learn.Lessons.BatchNumbers;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Batch size: gradient noise, the linear and square-root rules and where each is used, warmup, the critical batch size, and the limit the batch never moves.</summary>
public static class BatchSize
{
    private static readonly string _rules = MathMl.Block(
        "linear: alpha new equals alpha old times B new over B old; square root: alpha new equals alpha old times the square root of B new over B old",
        """<mtable columnalign="left"><mtr><mtd><mtext>linear:</mtext><mspace width="0.5em"/><msub><mi>α</mi><mi>new</mi></msub><mo>=</mo><msub><mi>α</mi><mi>old</mi></msub><mo>·</mo><mfrac><msub><mi>B</mi><mi>new</mi></msub><msub><mi>B</mi><mi>old</mi></msub></mfrac></mtd></mtr><mtr><mtd><mtext>square root:</mtext><mspace width="0.5em"/><msub><mi>α</mi><mi>new</mi></msub><mo>=</mo><msub><mi>α</mi><mi>old</mi></msub><mo>·</mo><msqrt><mfrac><msub><mi>B</mi><mi>new</mi></msub><msub><mi>B</mi><mi>old</mi></msub></mfrac></msqrt></mtd></mtr></mtable>""");

    private static string LimitRows => string.Concat(LimitBatches.Select(b =>
    {
        var above = Run(AboveLimit, b);
        var below = Run(0.9 * Limit, b);
        return $"<tr><td>{b}</td><td>{LrLab.Web.Components.VerdictText.Describe(below.Verdict, below.Pattern)}</td><td>{LrLab.Web.Components.VerdictText.Describe(above.Verdict, above.Pattern)}</td></tr>";
    }));

    private static PredictionOutcome LimitOutcome()
    {
        var runs = LimitBatches.Select(b => Run(AboveLimit, b)).ToList();
        var diverged = runs.All(r => r.BlowUpStep is not null || r.Pattern == LrLab.Core.Pattern.Diverging);
        return new PredictionOutcome(diverged ? 0 : 1, $"At {N(AboveLimit)} every batch size diverges: {string.Join(", ", LimitBatches.Zip(runs, (b, r) => $"batch {b}: {LrLab.Web.Components.VerdictText.Describe(r.Verdict, r.Pattern)}"))}. Less noise does not change the curvature, and 2/λmax = {N(Limit)} comes from the curvature alone.");
    }

    /// <summary>The lesson.</summary>
    public static Lesson Lesson { get; } = new(
        "batch-size",
        "Batch size done right",
        "A bigger batch gives a cleaner gradient; how much rate that buys depends on the optimizer, and there is a point where it stops buying any.",
        [
            new("Noise", """
                <p>A mini-batch gradient averages B examples, so it is the true gradient plus noise whose typical size
                falls like 1/√B. Larger batches give less noisy gradients: each step points more reliably downhill.
                What the run feels, though, is the noise in the update, α times the gradient noise, and with many steps
                its effect piles up roughly like α/B. The rate and the batch act together.</p>
                """)
            {
                Prediction = new Prediction
                {
                    Id = "batch-limit",
                    Prompt = $"On the noisy bowl 2/λmax = {N(Limit)}. At rate {N(AboveLimit)}, plain SGD diverges with batch 1. What happens with batch 256?",
                    Choices = ["It diverges too", "It converges: the cleaner gradient tolerates the longer stride"],
                    Run = LimitOutcome,
                },
            },
            new("Two rules, two camps", $"""
                <p>When the batch grows, two rules of thumb say how to change the rate:</p>
                {_rules}
                <p>The linear scaling rule (×2 rate per ×2 batch) is the usual practice with SGD: Goyal et al. (2017)
                trained ImageNet at batch 8,192 with it, after a warmup. The square-root rule is common with Adam-type
                optimizers: doubling the batch suggests ×√2 (≈1.4) on the rate; ×4 batch → ×2. The noisy bowl shows
                the difference. Noise floor = mean loss over steps {From:N0}–{To:N0}, seed {Seed}:</p>
                <table class="lesson-table" tabindex="0">
                  <thead><tr><th scope="col">batch</th><th scope="col">rate</th><th scope="col">floor</th></tr></thead>
                  <tbody>
                    <tr><td>1</td><td>0.05</td><td>{N(Base)}</td></tr>
                    <tr><td>4</td><td>0.05 (rate kept)</td><td>{N(Kept)}</td></tr>
                    <tr><td>4</td><td>0.1 (square root)</td><td>{N(SquareRoot)}</td></tr>
                    <tr><td>4</td><td>0.2 (linear)</td><td>{N(Linear)}</td></tr>
                  </tbody>
                </table>
                <p>The square-root rule does not keep the jitter the same: batch 4 at 0.1 sits at {N(SquareRoot)}, about
                {N(SquareRoot / Base)} times batch 1's {N(Base)}, because the update noise shrinks with α/B, not α/√B. The
                linear rule keeps α/B fixed, and its floor {N(Linear)} is close to batch 1's, a little higher because 0.2
                is closer to this bowl's limit. The linear rule spends the cleaner gradient on speed (four times the
                rate, the same noise); the square-root rule spends half of it on a quieter finish.</p>
                """),
            new("Warmup, and where the rules stop", $"""
                <p>A large batch with a linearly scaled rate can take a huge first step while the weights are still
                random and the curvature is high, so large-batch recipes warm up: the rate climbs from a small value
                to the scaled one over the first epochs. Neither rule pays forever. McCandlish et al. (2018) measure a
                critical batch size, set by the gradient noise scale: below it, doubling the batch nearly halves the
                steps needed; far above it, the gradient is already clean and a bigger batch buys almost nothing,
                only more computation per step.</p>
                <p>And the batch never raises the full-batch stability limit 2/λmax. That limit comes from the curvature,
                which averaging does not change. On the noisy bowl (2/λmax = {N(Limit)}), 300 steps at
                {N(0.9 * Limit)} and at {N(AboveLimit)}:</p>
                <table class="lesson-table" tabindex="0">
                  <thead><tr><th scope="col">batch</th><th scope="col">at {N(0.9 * Limit)}</th><th scope="col">at {N(AboveLimit)}</th></tr></thead>
                  <tbody>{LimitRows}</tbody>
                </table>
                <p>Below the limit the batch decides how quiet the finish is: so close to 2/λmax every bit of noise is
                amplified, and only the largest batch settles well enough to be called converged. Above the limit no
                batch helps.</p>
                """),
        ],
        [
            "Larger batches give less noisy gradients.",
            "Doubling the batch suggests ×√2 (≈1.4) on the learning rate; ×4 batch → ×2 rate (the square-root rule, common with Adam-type optimizers).",
            "With SGD the usual practice is the linear scaling rule: ×2 rate per ×2 batch, with a warmup (Goyal et al. 2017).",
            "Both stop paying past a critical batch size (McCandlish et al. 2018).",
            "The batch never raises the full-batch stability limit 2/λmax.",
        ],
        new WidgetPreset
        {
            Surface = "noisy-bowl",
            Lr = 0.05,
            Steps = 200,
            LrMax = 1,
            QuickRates = [0.05, 0.1, 0.2, 0.55],
            BatchChoices = [1, 4, 16, 64, 256],
        },
        [
            new Experiment
            {
                Id = "batch-1",
                Instruction = "Run 0.05 with batch 1 and look at the end of the loss curve.",
                LrMin = 0.05,
                LrMax = 0.05,
                BatchSize = 1,
                Surface = "noisy-bowl",
                Lesson = "The marker reaches the bottom but keeps jittering there: the noise sets a floor under the loss.",
            },
            new Experiment
            {
                Id = "batch-16",
                Instruction = "Same rate, batch 16.",
                LrMin = 0.05,
                LrMax = 0.05,
                BatchSize = 16,
                Surface = "noisy-bowl",
                Lesson = "Sixteen times the batch, a sixteenth of the update noise's effect: the floor drops far lower.",
            },
            new Experiment
            {
                Id = "batch-4-rate",
                Instruction = "Apply the square-root rule: batch 4 with twice the rate, 0.1.",
                LrMin = 0.1,
                LrMax = 0.1,
                BatchSize = 4,
                Surface = "noisy-bowl",
                Lesson = $"Twice the rate with less jitter than batch 1 at 0.05: the floor is about {N(SquareRoot)} against {N(Base)}.",
            },
            new Experiment
            {
                Id = "batch-limit",
                Instruction = $"Try batch 256 at {N(AboveLimit)}, just above 2/λmax.",
                LrMin = AboveLimit,
                LrMax = AboveLimit,
                BatchSize = 256,
                Surface = "noisy-bowl",
                Lesson = "It still diverges: the batch cleans the gradient but does not flatten the bowl.",
            },
        ],
        BatchQuiz.Questions);
}
