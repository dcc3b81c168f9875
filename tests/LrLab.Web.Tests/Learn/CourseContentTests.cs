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
        Assert.True(Course.AllQuestions.Count() >= 50, $"only {Course.AllQuestions.Count()} questions");
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
    public void Glossary_has_at_least_thirty_terms_in_order_including_the_eight_first_ones()
    {
        var terms = Glossary.Entries.Select(e => e.Term).ToList();
        Assert.True(terms.Count >= 30, $"only {terms.Count} glossary terms");
        Assert.Equal(terms.Order(StringComparer.OrdinalIgnoreCase), terms);
        Assert.Equal(terms.Count, terms.Select(Glossary.Anchor).Distinct().Count());
        Assert.All(["batch", "condition number", "curvature", "epoch", "gradient", "learning rate", "schedule", "warmup"], t => Assert.Contains(t, terms));
        Assert.All(Glossary.Entries, e => Assert.True(e.Definition.Length > 30, e.Term));
    }

    [Fact]
    public void Every_lesson_links_the_first_use_of_its_glossary_terms_once()
    {
        foreach (var lesson in Course.Lessons)
        {
            var linked = GlossaryLinker.LinkFirstUses([.. lesson.Sections.Select(s => s.Html)]);
            var terms = GlossaryLinker.LinkedTerms(linked);
            Assert.True(terms.Count >= 2, $"{lesson.Slug} links only {terms.Count} terms");
            Assert.Equal(terms.Count, terms.Distinct().Count());

            // Whatever glossary term the prose uses (outside formulas, code and asides) is linked.
            var outsideLinks = Regex.Replace(string.Join('\n', lesson.Sections.Select(s => s.Html)), "<a .*?</a>", " ", RegexOptions.Singleline);
            var prose = WebUtility.HtmlDecode(TagPattern().Replace(Skipped().Replace(outsideLinks, " "), " "));
            foreach (var entry in Glossary.Entries)
            {
                if (Regex.IsMatch(prose, $@"(?<![\p{{L}}-]){Regex.Escape(entry.Term)}(s|es)?(?![\p{{L}}-])", RegexOptions.IgnoreCase))
                {
                    Assert.True(terms.Contains(Glossary.Anchor(entry.Term)["term-".Length..]), $"{lesson.Slug}: '{entry.Term}' is used but not linked");
                }
            }
        }
    }

    [Fact]
    public void The_linker_links_only_the_first_use_outside_formulas_code_and_asides_and_prefers_longer_terms()
    {
        var linked = GlossaryLinker.LinkFirstUses(
        [
            """<p>Math <math aria-label="x"><mi>gradient</mi></math> and <code>curvature</code>, then gradient descent and a gradient.</p>""",
            """<p class="alt-notation">curvature</p><p>Curvature twice: curvature.</p>""",
        ]);
        Assert.Contains("""<mi>gradient</mi>""", linked[0], StringComparison.Ordinal);
        Assert.Contains("""<code>curvature</code>""", linked[0], StringComparison.Ordinal);
        Assert.Contains(""">gradient descent</a>""", linked[0], StringComparison.Ordinal);
        Assert.Contains(""">gradient</a>.</p>""", linked[0], StringComparison.Ordinal);
        Assert.Contains("""<p class="alt-notation">curvature</p><p><a class="term" href="learn#term-curvature" """, linked[1], StringComparison.Ordinal);
        Assert.EndsWith("twice: curvature.</p>", linked[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_lesson_keeps_to_the_notation_table()
    {
        var allowed = Notation.Symbols.Concat(["max", "min", "new", "old", "cos", "π"]).ToHashSet(StringComparer.Ordinal);
        Assert.All(["α", "λ", "β", "γ", "t", "κ"], s => Assert.Contains(s, Notation.Symbols));
        foreach (var lesson in Course.Lessons)
        {
            var html = string.Join('\n', lesson.Sections.Select(s => s.Html).Concat(lesson.Quiz.Select(q => q.Prompt)));
            foreach (Match mi in Identifier().Matches(html))
            {
                Assert.True(allowed.Contains(mi.Groups[1].Value), $"{lesson.Slug}: formula symbol '{mi.Groups[1].Value}' is not in the notation table");
            }

            // Other letters for the rate (η), momentum (μ) or a decay constant (α₀·e^(−λt), where λ is not a curvature) may
            // appear only in an aside that says so. e^(−λt) itself is fine: in gradient flow λ is a curvature and t time.
            var raw = string.Join(
                '\n',
                lesson.Sections.Select(s => s.Html)
                    .Concat(lesson.Facts)
                    .Concat(lesson.Quiz.SelectMany(q => q.Choices.Concat(q.ChoiceExplanations).Append(q.Prompt).Append(q.Explanation).Append(q.Hint ?? string.Empty)))
                    .Concat(lesson.Experiments.SelectMany(e => new[] { e.Instruction, e.Lesson, e.Predict?.Question ?? string.Empty }.Concat(e.Predict?.Choices ?? []))));
            var text = WebUtility.HtmlDecode(TagPattern().Replace(Skipped().Replace(raw, " "), " "));
            foreach (var stray in new[] { "η", "μ", "α₀·e^(−λ", "decay^" })
            {
                Assert.False(text.Contains(stray, StringComparison.Ordinal), $"{lesson.Slug}: stray notation '{stray}' outside an alt-notation aside");
            }
        }
    }

    [Fact]
    public void Every_wrong_choice_explains_its_misconception_and_every_numeric_question_has_a_hint()
    {
        foreach (var q in Course.AllQuestions)
        {
            if (q.IsNumeric)
            {
                Assert.False(string.IsNullOrWhiteSpace(q.Hint), $"{q.Id}: no hint for a wrong number");
                continue;
            }

            Assert.Equal(q.Choices.Count, q.ChoiceExplanations.Count);
            var wrong = Enumerable.Range(0, q.Choices.Count).Where(i => i != q.CorrectChoice).Select(i => q.ChoiceExplanations[i]).ToList();
            Assert.All(wrong, m => Assert.True(m.Length > 25, $"{q.Id}: a wrong choice without its misconception"));
            Assert.Equal(wrong.Count, wrong.Distinct().Count());
            Assert.DoesNotContain(q.Explanation, wrong);
        }
    }

    [Fact]
    public void Every_lesson_has_a_predict_then_run_experiment_whose_choices_the_engine_can_reach()
    {
        foreach (var lesson in Course.Lessons)
        {
            var predictions = lesson.Experiments.Where(e => e.Predict is not null).ToList();
            var sectionPredictions = LessonNumbers.SectionPredictions(lesson).ToList();
            Assert.True(predictions.Count + sectionPredictions.Count >= 1, $"{lesson.Slug} has no predict-then-run experiment");
            foreach (var e in predictions)
            {
                Assert.InRange(e.Predict!.Choices.Count, 2, 4);
            }

            foreach (var p in sectionPredictions)
            {
                Assert.InRange(p.Choices.Count, 2, 4);
                if (p.Run is not null)
                {
                    Assert.InRange(p.Run().Correct, 0, p.Choices.Count - 1);
                }
            }
        }
    }

    [Fact]
    public void Lessons_link_to_finder_schedules_and_diagnose()
    {
        var html = string.Join('\n', Course.Lessons.SelectMany(l => l.Sections).Select(s => s.Html));
        Assert.Contains("href=\"finder\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"schedules\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"diagnose\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"edge\"", html, StringComparison.Ordinal);
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
            .Concat(lesson.Quiz.SelectMany(q => q.Choices.Concat(q.ChoiceExplanations).Append(q.Prompt).Append(q.Explanation).Append(q.Hint ?? string.Empty)))
            .Concat(lesson.Experiments.SelectMany(e => new[] { e.Instruction, e.Lesson })));

    private static string Squash(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("<math[^>]*>")]
    private static partial Regex MathTag();

    [GeneratedRegex("<mi>([^<]*)</mi>")]
    private static partial Regex Identifier();

    [GeneratedRegex("""<(span|p) class="alt-notation">.*?</\1>|<math.*?</math>|<code>.*?</code>""", RegexOptions.Singleline)]
    private static partial Regex Skipped();
}
