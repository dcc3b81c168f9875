using System.Net;
using System.Text.RegularExpressions;
using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Surfaces;
using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Learn;

/// <summary>The course as data: every SPEC fact is taught, every lesson is complete and consistent.</summary>
public sealed partial class CourseContentTests
{
    // Every statement of SPEC.md's "Facts" section, as the lessons must state it somewhere (whitespace ignored).
    public static TheoryData<string> SpecFacts() =>
    [
        "θ ← θ − α·∇L(θ)",
        "the direction",
        "length of the stride",
        "L = w²",
        "w₀ = 4",
        "w₁ = 4 − 0.1·8 = 3.2",
        "w₁ = −8 (L 16 → 64)",
        "w₂ = 16 (L → 256)",
        "divergence",
        "(1 − αλ)",
        "0 < α < 2/λ",
        "monotone below 1/λ",
        "oscillating between 1/λ and 2/λ",
        "diverging above 2/λ",
        "0.5001 → 0.5000 → 0.4999",
        "far longer than expected",
        "the marker barely moves and the trail is short",
        "stopping early",
        "weights barely move although gradient norms are reasonable",
        "steady, smooth decrease",
        "diminishing returns",
        "tens of steps (not hundreds, not a handful)",
        "validation tracks training",
        "0.5 → 0.3 → 0.8 → 0.2 → 1.5",
        "rises",
        "inf or NaN",
        "fail abruptly after seeming progress",
        "zig-zags across a valley or flies off",
        "overshoots",
        "opposite wall",
        "until the numbers overflow",
        "at 0.001",
        "0.05 gives smooth progress",
        "At 0.3 oscillation begins",
        "0.5 bounces forever",
        "largest curvature is exactly 4",
        "narrow valley",
        "condition number",
        "far below the bowl's",
        "wall to wall instead of sliding along the floor",
        "plain SGD 0.01–0.1 (0.01)",
        "SGD+momentum 0.001–0.1 (0.01)",
        "RMSprop 0.0001–0.01 (0.001)",
        "Adam 0.00001–0.001 (0.001)",
        "α 0.001, β₁ 0.9, β₂ 0.999",
        "Adam needs lower rates than SGD",
        "more forgiving",
        "the base rate still matters",
        "well-tuned SGD with a schedule can beat Adam",
        "×√2 (≈1.4)",
        "×4 batch → ×2",
        "less noisy gradients",
        "0.1, 0.01, 0.001, 0.0001",
        "0.01, 0.1, 1.0 on MNIST-scale problems",
        "fastest steady decrease without oscillation, then refine",
        "start near 1e-7",
        "raise the rate each mini-batch while recording loss",
        "log axis",
        "flat, descending, stops improving, sharp climb",
        "about 10× below where the loss starts climbing",
        "0.01 for epochs 1–30, 0.001 for 31–60, 0.0001 after",
        "η₀·γ^⌊t/k⌋",
        "α₀·decay^t",
        "0.95 → about 60 % after 10 epochs",
        "η₀·e^(−λt)",
        "α(t) = α_min + ½(α_max − α_min)(1 + cos(πt/T))",
        "warm restarts",
        "0 → 0.01 over epochs 1–5",
        "decay to 0.0001 by epoch 100",
        "One-cycle: up to a maximum, then down far below the start; good with SGD+momentum",
        "try a few points along the descent direction before committing to a step",
        "0.8, 0.5, 0.4, 0.38, 0.37",
        "drops 0.3, 0.1, 0.02, 0.01",
        "37.5 %, 20 %, 5 %, 2.6 %",
        "0.8, 1.5, 3.2, 8.7, NaN",
        "too high, diverged",
        "try 0.01 or 0.001",
        "not decreasing → try a higher rate",
        "unstable or exploding → try lower",
        "sudden failure → check the rate and the schedule",
    ];

    [Theory]
    [MemberData(nameof(SpecFacts))]
    public void Every_spec_fact_appears_in_some_lesson(string fact)
    {
        var needle = Squash(fact);
        var where = Course.Lessons.Where(l => Squash(TextOf(l)).Contains(needle, StringComparison.OrdinalIgnoreCase)).Select(l => l.Slug).ToList();
        Assert.True(where.Count > 0, $"no lesson states: {fact}");
    }

    [Fact]
    public void The_course_has_at_least_ten_lessons_and_sixteen_questions_with_unique_ids()
    {
        Assert.True(Course.Lessons.Count >= 10);
        Assert.True(Course.AllQuestions.Count() >= 16);
        Assert.Equal(Course.Lessons.Count, Course.Lessons.Select(l => l.Slug).Distinct().Count());
        Assert.Equal(Course.AllQuestions.Count(), Course.AllQuestions.Select(q => q.Id).Distinct().Count());
        Assert.All(Course.Lessons, l => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", l.Slug));
    }

    [Fact]
    public void Every_lesson_has_sections_facts_a_runnable_widget_experiments_and_a_quiz()
    {
        foreach (var lesson in Course.Lessons)
        {
            Assert.NotEmpty(lesson.Sections);
            Assert.NotEmpty(lesson.Facts);
            Assert.NotEmpty(lesson.Experiments);
            Assert.NotEmpty(lesson.Quiz);
            var w = lesson.Widget;
            Assert.NotNull(SurfaceCatalog.Find(w.Surface));
            Assert.Contains(w.Optimizer, OptimizerFactory.Names);
            Assert.InRange(w.Lr, w.LrMin, w.LrMax);
            Assert.All(w.QuickRates, r => Assert.InRange(r, w.LrMin, w.LrMax));
            Assert.All(w.SurfaceChoices, s => Assert.NotNull(SurfaceCatalog.Find(s)));
            Assert.All(w.OptimizerChoices, o => Assert.Contains(o, OptimizerFactory.Names));
            Assert.All(w.ScheduleChoices, s => Assert.Contains(s, SchedulePresets.All.Select(p => p.Name)));
            Assert.All(w.BatchChoices, b => Assert.True(b >= 1));
        }
    }

    [Fact]
    public void Every_experiment_can_be_done_with_its_lessons_widget()
    {
        foreach (var lesson in Course.Lessons)
        {
            var w = lesson.Widget;
            var surfaces = w.SurfaceChoices.Count > 0 ? w.SurfaceChoices : [w.Surface];
            var optimizers = w.OptimizerChoices.Count > 0 ? w.OptimizerChoices : [w.Optimizer];
            var batches = w.BatchChoices.Count > 0 ? w.BatchChoices : [1];
            foreach (var e in lesson.Experiments)
            {
                var where = $"{lesson.Slug}/{e.Id}";
                Assert.True(e.LrMin <= e.LrMax, where);
                Assert.True(e.LrMax >= w.LrMin && e.LrMin <= w.LrMax, $"{where}: rate range outside the slider");
                Assert.True(e.Surface is null || surfaces.Contains(e.Surface), $"{where}: surface not offered");
                Assert.True(e.Optimizer is null || optimizers.Contains(e.Optimizer), $"{where}: optimizer not offered");
                Assert.True(e.BatchSize is null || batches.Contains(e.BatchSize.Value), $"{where}: batch not offered");
                Assert.True(e.Schedule is null or "" || w.ScheduleChoices.Contains(e.Schedule), $"{where}: schedule not offered");
            }

            Assert.Equal(lesson.Experiments.Count, lesson.Experiments.Select(e => e.Id).Distinct().Count());
        }
    }

    [Fact]
    public void Questions_are_well_formed_and_their_answers_grade_as_right()
    {
        foreach (var q in Course.AllQuestions)
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Explanation), q.Id);
            if (q.IsNumeric)
            {
                Assert.Empty(q.Choices);
                Assert.True(q.Tolerance > 0, q.Id);
                Assert.True(q.IsCorrectNumber(q.CorrectText), q.Id);
                Assert.False(q.IsCorrectNumber((q.Answer!.Value + 10 * q.Tolerance + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), q.Id);
            }
            else
            {
                Assert.InRange(q.Choices.Count, 2, 6);
                Assert.InRange(q.CorrectChoice, 0, q.Choices.Count - 1);
                Assert.Equal(q.Choices.Count, q.Choices.Distinct().Count());
                Assert.Single(Enumerable.Range(0, q.Choices.Count), q.IsCorrectChoice);
            }
        }
    }

    [Fact]
    public void Course_has_the_named_quiz_topics()
    {
        var prompts = string.Join('\n', Course.AllQuestions.Select(q => q.Prompt));
        foreach (var topic in new[] { "rises over time, or swings wildly", "narrow valley", "line search pick the step", "What does warmup do", "batch 128", "Practice curve A", "Practice curve B" })
        {
            Assert.Contains(topic, prompts, StringComparison.Ordinal);
        }

        Assert.True(Course.AllQuestions.Count(q => q.IsNumeric) >= 5);
    }

    [Fact]
    public void Every_formula_is_mathml_with_a_text_alternative()
    {
        var html = string.Join('\n', Course.Lessons.SelectMany(l => l.Sections).Select(s => s.Html));
        var maths = MathTag().Matches(html);
        Assert.True(maths.Count >= 10, $"only {maths.Count} formulas");
        Assert.All(maths, m => Assert.Matches("aria-label=\"[^\"]{8,}\"", m.Value));
    }

    [Fact]
    public void Glossary_defines_the_eight_required_terms()
    {
        var terms = Glossary.Entries.Select(e => e.Term).ToList();
        Assert.Equal(
            ["batch", "condition number", "curvature", "epoch", "gradient", "learning rate", "schedule", "warmup"],
            terms);
    }

    [Fact]
    public void Lessons_link_to_finder_schedules_and_diagnose()
    {
        var html = string.Join('\n', Course.Lessons.SelectMany(l => l.Sections).Select(s => s.Html));
        Assert.Contains("href=\"finder\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"schedules\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"diagnose\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Previous_and_next_walk_the_course_in_order()
    {
        var walked = new List<string>();
        for (var lesson = Course.Lessons[0]; lesson is not null; lesson = Course.Next(lesson))
        {
            walked.Add(lesson.Slug);
        }

        Assert.Equal(Course.Lessons.Select(l => l.Slug), walked);
        Assert.Null(Course.Previous(Course.Lessons[0]));
        Assert.Equal(Course.Lessons[^2], Course.Previous(Course.Lessons[^1]));
        Assert.Same(Course.Lessons[3], Course.Find("TOO-LARGE"));
        Assert.Null(Course.Find("nope"));
    }

    private static string TextOf(Lesson lesson) => string.Join(
        '\n',
        lesson.Sections.Select(s => s.Heading + "\n" + WebUtility.HtmlDecode(TagPattern().Replace(s.Html, " ")))
            .Concat(lesson.Facts)
            .Concat(lesson.Quiz.SelectMany(q => q.Choices.Append(q.Prompt).Append(q.Explanation)))
            .Concat(lesson.Experiments.SelectMany(e => new[] { e.Instruction, e.Lesson })));

    private static string Squash(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("<math[^>]*>")]
    private static partial Regex MathTag();
}
