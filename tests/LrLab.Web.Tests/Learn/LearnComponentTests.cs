using System.Globalization;
using Bunit;
using LrLab.Core;
using LrLab.Web.Components.Lab;
using LrLab.Web.Components.Learn;
using LrLab.Web.Interop;
using LrLab.Web.Learn;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using LearnPage = LrLab.Web.Pages.Learn;
using LessonPage = LrLab.Web.Pages.Lesson;

namespace LrLab.Web.Tests.Learn;

public sealed class LearnComponentTests : BunitContext
{
    private readonly FakeStorage _storage = new();

    public LearnComponentTests()
    {
        Services.AddSingleton<IBrowserStorage>(_storage);
        Services.AddSingleton<ProgressService>();
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IBrowserInterop>(new FakeBrowser());
        Services.AddSingleton<IDigitData>(new FakeDigits());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, false)]
    public void Choosing_an_answer_grades_it_and_explains_the_choice(int choice, bool right)
    {
        var question = Course.Find("what-is-the-learning-rate")!.Quiz[2];
        (QuizQuestion, bool, bool)? reported = null;
        var cut = Render<QuizView>(p => p.Add(q => q.Question, question).Add(q => q.OnAnswered, a => reported = a));
        Assert.Empty(cut.FindAll("[data-testid=quiz-feedback]"));

        cut.Find($"input[data-choice='{choice}']").Change(true);

        var feedback = cut.Find("[data-testid=quiz-question] [data-testid=quiz-feedback]");
        Assert.Equal(right ? "true" : "false", feedback.GetAttribute("data-correct"));
        Assert.Equal(right, feedback.TextContent.Contains("Correct.", StringComparison.Ordinal));
        Assert.Equal(right, feedback.TextContent.Contains(question.Explanation, StringComparison.Ordinal));
        if (!right)
        {
            // The first miss teaches the misconception behind that choice, keeps the answer back and allows another try.
            Assert.Contains(question.ChoiceExplanations[choice], feedback.TextContent, StringComparison.Ordinal);
            Assert.Empty(feedback.QuerySelectorAll(".answer"));
            Assert.NotNull(cut.Find($"input[data-choice='{choice}']").GetAttribute("disabled"));
        }

        Assert.Equal((question, right, true), reported);
    }

    [Fact]
    public void A_second_miss_reveals_the_answer_and_the_answer_can_then_be_chosen()
    {
        var question = Course.Find("what-is-the-learning-rate")!.Quiz[2];
        var firstTries = new List<bool>();
        var cut = Render<QuizView>(p => p.Add(q => q.Question, question).Add(q => q.OnAnswered, a => firstTries.Add(a.FirstTry)));
        cut.Find("input[data-choice='0']").Change(true);
        Assert.Contains("another go", cut.Find("[data-testid=quiz-feedback]").TextContent, StringComparison.Ordinal);

        cut.Find("input[data-choice='2']").Change(true);
        var feedback = cut.Find("[data-testid=quiz-feedback]");
        Assert.Equal("false", feedback.GetAttribute("data-correct"));
        Assert.Contains(question.ChoiceExplanations[2], feedback.TextContent, StringComparison.Ordinal);
        Assert.Equal(question.CorrectText, feedback.QuerySelector(".answer")!.TextContent);
        Assert.Contains(question.Explanation, feedback.TextContent, StringComparison.Ordinal);

        cut.Find($"input[data-choice='{question.CorrectChoice}']").Change(true);
        Assert.Equal("true", cut.Find("[data-testid=quiz-feedback]").GetAttribute("data-correct"));
        Assert.Equal([true, false, false], firstTries); // right in the end, but not at the first try
    }

    [Theory]
    [InlineData("3.2", true)]
    [InlineData("3,2", true)]
    [InlineData("16/5", true)]
    [InlineData("3.3", false)]
    public void Numeric_answers_grade_with_tolerance_and_hint_before_revealing(string typed, bool right)
    {
        var question = Course.Find("what-is-the-learning-rate")!.Quiz[0];
        var cut = Render<QuizView>(p => p.Add(q => q.Question, question));
        Assert.Contains(question.ExpectedForm, cut.Find(".form-hint").TextContent, StringComparison.Ordinal);
        cut.Find("input.numeric-answer").Input(typed);
        cut.Find("button.check").Click();
        var feedback = cut.Find("[data-testid=quiz-feedback]");
        Assert.Equal(right ? "true" : "false", feedback.GetAttribute("data-correct"));
        if (!right)
        {
            Assert.Contains(question.Hint!, feedback.TextContent, StringComparison.Ordinal);
            Assert.Empty(feedback.QuerySelectorAll(".answer"));
            cut.Find("input.numeric-answer").Input("3.4");
            cut.Find("button.check").Click();
            Assert.Equal("3.2", cut.Find("[data-testid=quiz-feedback] .answer").TextContent);
        }
    }

    [Theory]
    [InlineData("0.6")]
    [InlineData("60 %")]
    [InlineData("60%")]
    [InlineData("3/5")]
    [InlineData("60")]
    public void A_fraction_question_accepts_a_decimal_a_percentage_and_a_ratio(string typed)
    {
        var question = Course.AllQuestions.Single(q => q.Id == "sched-exp");
        var cut = Render<QuizView>(p => p.Add(q => q.Question, question));
        Assert.Contains("60 %", cut.Find(".form-hint").TextContent, StringComparison.Ordinal);
        cut.Find("input.numeric-answer").Input(typed);
        cut.Find("button.check").Click();
        Assert.Equal("true", cut.Find("[data-testid=quiz-feedback]").GetAttribute("data-correct"));
    }

    [Fact]
    public void Text_that_is_not_a_number_is_not_graded()
    {
        var cut = Render<QuizView>(p => p.Add(q => q.Question, Course.Lessons[0].Quiz[0]));
        cut.Find("input.numeric-answer").Input("three");
        cut.Find("button.check").Click();
        Assert.Empty(cut.FindAll("[data-testid=quiz-feedback]"));
        Assert.Contains("not a number", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Widget_slider_quick_rates_and_stepping_update_the_readout()
    {
        var preset = Course.Find("too-large")!.Widget;
        var seen = new List<LabObservation>();
        var cut = Render<LessonWidget>(p => p.Add(w => w.Preset, preset).Add(w => w.OnRun, o => seen.Add(o)));
        Assert.Equal("0.3", cut.Find("[data-testid=lr-value]").TextContent);
        Assert.Equal("100", cut.Find("[data-testid=step-count]").TextContent);
        Assert.Empty(seen);

        cut.Find("button.chip[data-rate='0.6']").Click();
        Assert.Equal("0.6", cut.Find("[data-testid=lr-value]").TextContent);
        Assert.Contains("too large", cut.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0.6, Assert.Single(seen).Lr);

        // log10(0.05) = -1.30103 → rounded to two significant digits.
        cut.Find("[data-testid=lr-slider]").Change("-1.301");
        Assert.Equal("0.05", cut.Find("[data-testid=lr-value]").TextContent);
        Assert.Equal(0.05, seen[^1].Lr);

        cut.Find("[data-testid=reset]").Click();
        Assert.Equal("0", cut.Find("[data-testid=step-count]").TextContent);
        Assert.Equal("34", cut.Find("[data-testid=current-loss]").TextContent);
        cut.Find("[data-testid=step]").Click();
        cut.Find("[data-testid=step]").Click();
        Assert.Equal("2", cut.Find("[data-testid=step-count]").TextContent);
    }

    [Fact]
    public void Widget_rejects_a_rate_outside_its_range_with_a_message()
    {
        var cut = Render<LessonWidget>(p => p.Add(w => w.Preset, Course.Lessons[1].Widget));
        cut.Find("input.exact").Change("50");
        Assert.Contains("between", cut.Find(".input-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.001", cut.Find("[data-testid=lr-value]").TextContent);
        cut.Find("input.exact").Change("0.01");
        Assert.Empty(cut.FindAll(".input-error"));
        Assert.Equal("0.01", cut.Find("[data-testid=lr-value]").TextContent);
    }

    [Fact]
    public void Worked_example_widget_steps_w_from_4_to_3_2()
    {
        var cut = Render<LessonWidget>(p => p.Add(w => w.Preset, Course.Lessons[0].Widget));
        cut.Find("[data-testid=reset]").Click();
        Assert.Equal("4", cut.Find(".position").TextContent);
        cut.Find("[data-testid=step]").Click();
        Assert.Equal("3.2", cut.Find(".position").TextContent);
        cut.Find("button.chip[data-rate='1.5']").Click();
        cut.Find("[data-testid=reset]").Click();
        cut.Find("[data-testid=step]").Click();
        Assert.Equal("-8", cut.Find(".position").TextContent);
        cut.Find("[data-testid=step]").Click();
        Assert.Equal("16", cut.Find(".position").TextContent);
        Assert.Equal("256", cut.Find("[data-testid=current-loss]").TextContent);
    }

    [Fact]
    public void A_prediction_must_be_locked_in_before_the_run_counts_and_the_page_compares_it_with_the_run()
    {
        var cut = Render<LessonPage>(p => p.Add(l => l.Slug, "too-large"));
        var item = () => cut.Find("[data-experiment='predict-0.45']");
        Assert.Contains("Predict, then run.", item().TextContent, StringComparison.Ordinal);

        cut.Find("input.exact").Change("0.45");
        Assert.Equal("false", item().GetAttribute("data-done"));

        // "It diverges" is the wrong prediction: the page says what the engine saw instead.
        cut.Find("[data-experiment='predict-0.45'] input[data-predict-choice='2']").Change(true);
        Assert.NotNull(cut.Find("[data-experiment='predict-0.45'] input[data-predict-choice='0']").GetAttribute("disabled"));
        cut.Find("input.exact").Change("0.3");
        cut.Find("input.exact").Change("0.45");
        Assert.Equal("true", item().GetAttribute("data-done"));
        var run = cut.FindComponent<LessonWidget>().Instance.Run;
        Assert.Equal(Pattern.Oscillating, run.Pattern);
        Assert.Contains($"but the run shows “{ExperimentPrediction.Regimes[1]}”", item().TextContent, StringComparison.Ordinal);
        Assert.Contains($"it converged after {run.StepsToConverge}", item().TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_0_001_confirms_the_step_count_the_widget_saw()
    {
        var cut = Render<LessonPage>(p => p.Add(l => l.Slug, "too-small"));
        Assert.Equal("false", cut.Find("[data-experiment='count-0.001']").GetAttribute("data-done"));

        cut.Find("button.chip[data-rate='0.01']").Click();
        cut.Find("button.chip[data-rate='0.001']").Click();

        var run = cut.FindComponent<LessonWidget>().Instance.Run;
        Assert.Null(run.StepsToConverge);
        var item = cut.Find("[data-experiment='count-0.001']");
        Assert.Equal("true", item.GetAttribute("data-done"));
        Assert.Contains(
            $"had not converged after 200 steps; at that pace it would need about {run.EstimatedStepsToConverge!.Value.ToString(CultureInfo.InvariantCulture)}",
            item.TextContent,
            StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("[data-experiment='count-0.01']").GetAttribute("data-done"));
        Assert.StartsWith("Last run: You ran sgd at 0.001 on the bowl", cut.Find("[data-testid=last-run]").TextContent, StringComparison.Ordinal);
        Assert.Contains("too-small/count-0.001", _storage.Items[ProgressService.StorageKey], StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_page_marks_itself_read_links_neighbours_and_keeps_the_score()
    {
        var cut = Render<LessonPage>(p => p.Add(l => l.Slug, "terrain"));
        Assert.Contains("\"terrain\"", _storage.Items[ProgressService.StorageKey], StringComparison.Ordinal);
        Assert.Equal($"Lesson 5 of {Course.Lessons.Count}", cut.Find("[data-testid=lesson-position]").TextContent);
        Assert.Equal("learn/too-large", cut.Find("[data-testid=prev-lesson]").GetAttribute("href"));
        Assert.Equal("learn/finding-a-rate", cut.Find("[data-testid=next-lesson]").GetAttribute("href"));
        var quiz = Course.Find("terrain")!.Quiz.Count;
        Assert.Equal(quiz, cut.FindAll("[data-testid=quiz-question]").Count);
        Assert.Equal(
            [.. Enumerable.Range(1, quiz).Select(n => $"Question {n}.")],
            cut.FindAll("[data-testid=quiz-question] .qnum").Select(e => e.TextContent.Trim()).ToArray());
        Assert.NotEmpty(cut.FindAll("math[aria-label]"));
        Assert.Contains("learn#term-condition-number", cut.Find("article.lesson").InnerHtml, StringComparison.Ordinal);

        cut.Find("[data-question='terrain-valley'] input[data-choice='2']").Change(true);
        cut.Find("[data-question='terrain-kappa'] input.numeric-answer").Input("99");
        cut.Find("[data-question='terrain-kappa'] button.check").Click();
        Assert.Equal($"1 of {quiz} right", cut.Find("[data-testid=lesson-score]").TextContent);
        Assert.Contains("\"terrain-kappa\":false", _storage.Items[ProgressService.StorageKey], StringComparison.Ordinal);
    }

    [Fact]
    public void First_and_last_lessons_link_back_to_the_index_and_unknown_slugs_say_so()
    {
        var first = Render<LessonPage>(p => p.Add(l => l.Slug, Course.Lessons[0].Slug));
        Assert.Empty(first.FindAll("[data-testid=prev-lesson]"));
        var last = Render<LessonPage>(p => p.Add(l => l.Slug, Course.Lessons[^1].Slug));
        Assert.Equal("learn", last.Find("[data-testid=course-end]").GetAttribute("href"));
        var missing = Render<LessonPage>(p => p.Add(l => l.Slug, "no-such-lesson"));
        Assert.Equal("Lesson not found", missing.Find("h1").TextContent);
    }

    [Fact]
    public void Index_lists_every_lesson_shows_saved_progress_and_resets_it()
    {
        var saved = new CourseProgress();
        saved.MarkRead("too-small");
        saved.MarkRead("terrain");
        saved.RecordAnswer("lr-w1", true);
        saved.RecordAnswer("lr-role", false);
        _storage.Items[ProgressService.StorageKey] = saved.ToJson();

        var cut = Render<LearnPage>();
        Assert.Empty(cut.FindAll("[data-testid=course-complete]"));
        var links = cut.FindAll("[data-testid=lesson-link]");
        Assert.Equal(Course.Lessons.Select(l => "learn/" + l.Slug), links.Select(a => a.GetAttribute("href")));
        Assert.Equal($"2 of {Course.Lessons.Count}", cut.Find("[data-testid=lessons-read]").TextContent);
        Assert.StartsWith($"1 of {Course.AllQuestions.Count()} right", cut.Find("[data-testid=quiz-score]").TextContent, StringComparison.Ordinal);
        Assert.Equal(Glossary.Entries.Count, cut.FindAll(".glossary dt").Count);
        Assert.Equal(Notation.Entries.Count, cut.FindAll("[data-testid=notation-table] tbody tr").Count);
        Assert.NotNull(cut.Find("#term-learning-rate"));

        cut.Find("[data-testid=reset-progress]").Click();
        cut.Find("[data-testid=reset-confirm]").Click();
        Assert.Equal($"0 of {Course.Lessons.Count}", cut.Find("[data-testid=lessons-read]").TextContent);
        Assert.False(_storage.Items.ContainsKey(ProgressService.StorageKey));
    }

    [Theory]
    [InlineData(0, "JustRight")]
    [InlineData(1, "TooLarge")]
    public void Practice_curves_carry_the_engines_diagnosis(int which, string verdict)
    {
        var curve = Course.Find("diagnostic-mindset")!.Sections.SelectMany(s => s.Curves ?? []).ElementAt(which);
        var cut = Render<LossCurveChart>(p => p.Add(c => c.Curve, curve));
        Assert.Equal(verdict, cut.Find("[data-testid=curve-diagnosis] .badge").GetAttribute("data-verdict"));
        Assert.Equal(curve.Losses.Count, cut.FindAll("text.value").Count);
    }

    [Fact]
    public void Choosing_a_schedule_shows_the_rate_per_step_and_links_the_designer()
    {
        var cut = Render<LessonWidget>(p => p.Add(w => w.Preset, Course.Find("schedules")!.Widget));
        Assert.Empty(cut.FindAll(".rate-now"));
        cut.Find("select.schedule-select").Change("exponential");
        cut.Find("[data-testid=reset]").Click();
        Assert.Equal("0.48", cut.Find(".rate-now").TextContent);
        cut.Find("[data-testid=step]").Click();
        Assert.Equal("0.456", cut.Find(".rate-now").TextContent);
        var link = cut.FindAll(".open-lab a").Select(a => a.GetAttribute("href")).Last();
        Assert.Equal("schedules?schedule=ExponentialLR%28gamma%3D0.95%29&lr=0.48&steps=100", link);
    }

    [Fact]
    public void The_widget_draws_with_the_labs_surface_view_and_shades_each_surface_once()
    {
        var canvas = (RecordingCanvas)Services.GetRequiredService<ICanvasInterop>();
        var cut = Render<LessonWidget>(p => p.Add(w => w.Preset, Course.Find("terrain")!.Widget));
        Assert.NotNull(cut.Find("canvas[data-testid=surface-canvas]"));
        Assert.Empty(cut.FindAll("svg"));
        var shaded = canvas.Images.Keys.ToList();
        Assert.Single(shaded);
        cut.Find("button.chip[data-rate='0.01']").Click();
        Assert.Equal(shaded, canvas.Images.Keys);
        cut.Find("[data-testid=surface-select]").Change("bowl");
        Assert.Equal(2, canvas.Images.Count);
        Assert.Contains("x^2 + 2*y^2", cut.Find(".formula").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_optimizer_of_the_lab_runs_in_a_widget_line_search_included()
    {
        var preset = Course.Find("terrain")!.Widget with { Optimizer = "linesearch", OptimizerChoices = [] };
        var cut = Render<LessonWidget>(p => p.Add(w => w.Preset, preset));
        Assert.NotNull(cut.Instance.Run.LineSearch);
        Assert.NotEmpty(cut.Find("[data-testid=verdict]").TextContent.Trim());
    }

    [Fact]
    public void Index_congratulates_once_every_lesson_is_read_and_every_question_answered()
    {
        var saved = new CourseProgress();
        foreach (var lesson in Course.Lessons)
        {
            saved.MarkRead(lesson.Slug);
        }

        foreach (var question in Course.AllQuestions.Skip(1))
        {
            saved.RecordAnswer(question.Id, true);
        }

        _storage.Items[ProgressService.StorageKey] = saved.ToJson();
        var cut = Render<LearnPage>();
        Assert.Empty(cut.FindAll("[data-testid=course-complete]"));

        saved.RecordAnswer(Course.AllQuestions.First().Id, false);
        _storage.Items[ProgressService.StorageKey] = saved.ToJson();
        var done = new BunitContext();
        done.Services.AddSingleton<IBrowserStorage>(_storage);
        done.Services.AddSingleton<ProgressService>();
        var complete = done.Render<LearnPage>();
        var total = Course.AllQuestions.Count();
        Assert.Contains($"{total - 1} of {total} right", complete.Find("[data-testid=course-complete]").TextContent, StringComparison.Ordinal);
        done.Dispose();
    }

    [Fact]
    public void The_full_lab_opens_on_demand_with_the_lessons_setting()
    {
        var cut = Render<LessonPage>(p => p.Add(l => l.Slug, "terrain"));
        Assert.Empty(cut.FindComponents<LabView>());

        cut.Find("[data-testid=open-full-lab]").Click();

        var lab = cut.FindComponent<LabView>();
        Assert.Equal("ravine", lab.Instance.Session.Setup.Surface.Name);
        Assert.Equal(0.03, lab.Instance.Session.Current.Lr);
        Assert.Contains("just right", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_done_in_the_embedded_full_lab_is_confirmed_too()
    {
        var cut = Render<LessonPage>(p => p.Add(l => l.Slug, "too-small"));
        cut.Find("[data-testid=open-full-lab]").Click();
        Assert.Equal("false", cut.Find("[data-experiment='count-0.001']").GetAttribute("data-done"));

        // The lesson starts at 0.001, so opening the lab alone confirms nothing; go away and come back.
        var lab = cut.FindComponent<LabView>();
        lab.Find("[data-testid=lr-input]").Change("0.01");
        Assert.Equal("true", cut.Find("[data-experiment='count-0.01']").GetAttribute("data-done"));
        Assert.Equal("false", cut.Find("[data-experiment='count-0.001']").GetAttribute("data-done"));
        lab.Find("[data-testid=lr-input]").Change("0.001");

        var run = lab.Instance.Session.Current.Trajectory;
        var item = cut.Find("[data-experiment='count-0.001']");
        Assert.Equal("true", item.GetAttribute("data-done"));
        Assert.Contains(
            $"had not converged after 200 steps; at that pace it would need about {run.EstimatedStepsToConverge!.Value.ToString(CultureInfo.InvariantCulture)}",
            item.TextContent,
            StringComparison.Ordinal);
        Assert.StartsWith("Last run: You ran sgd at 0.001 on the bowl", cut.Find("[data-testid=last-run]").TextContent, StringComparison.Ordinal);
        Assert.Contains("too-small/count-0.001", _storage.Items[ProgressService.StorageKey], StringComparison.Ordinal);
    }
}

