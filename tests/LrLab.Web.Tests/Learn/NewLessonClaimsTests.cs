using LrLab.Core;
using LrLab.Web.Learn;
using LrLab.Web.Learn.Lessons;

namespace LrLab.Web.Tests.Learn;

/// <summary>The words around the new lessons' computed numbers ("well past +2", "about half", "every batch diverges") hold for what Core computes.</summary>
public class NewLessonClaimsTests
{
    [Fact]
    public void Momentum_overshoot_and_slowdown_on_the_bowl()
    {
        Assert.Equal(2.41, MomentumNumbers.SwingX, 2);
        Assert.Equal(-2.13, MomentumNumbers.SwingY, 2);
        Assert.True(MomentumNumbers.SwingX > 0.5 * 4, "more than half the starting distance");
        Assert.Equal(62, MomentumNumbers.BowlMomentum.StepsToConverge);
        Assert.Equal(30, MomentumNumbers.BowlPlain.StepsToConverge);
        Assert.Equal(0.95, MomentumNumbers.HeavyBallLimit, 12);
        Assert.Equal(0.339, MomentumNumbers.NesterovLimit, 3);
    }

    [Fact]
    public void Best_heavy_ball_on_the_ravine_beats_plain_descent_by_about_root_kappa()
    {
        Assert.Equal(0.566, MomentumNumbers.BestBeta, 3);
        Assert.Equal(0.0614, MomentumNumbers.BestRate, 4);
        var plain = MomentumNumbers.RavinePlain.StepsToConverge!.Value;
        var heavy = MomentumNumbers.RavineMomentum.StepsToConverge!.Value;
        Assert.InRange(plain / (double)heavy, 2.5, Math.Sqrt(50));
    }

    [Fact]
    public void Batch_floors_match_the_lesson_and_the_limit_does_not_move()
    {
        Assert.Equal(0.46, BatchNumbers.Base, 2);
        Assert.Equal(0.24, BatchNumbers.SquareRoot, 2);
        Assert.InRange(BatchNumbers.SquareRoot / BatchNumbers.Base, 0.45, 0.6);
        Assert.InRange(BatchNumbers.Linear / BatchNumbers.Base, 1.0, 1.4);
        foreach (var b in BatchNumbers.LimitBatches)
        {
            Assert.Equal(Pattern.Diverging, BatchNumbers.Run(BatchNumbers.AboveLimit, b).Pattern);
        }
    }

    [Fact]
    public void Adam_loses_its_advantage_when_the_ravine_is_turned_and_sgd_does_not_notice()
    {
        var m = AdamAndAxes.Measured;
        Assert.Equal(m[("sgd", 0.03, "ravine")].StepsToConverge, m[("sgd", 0.03, "rotated-ravine")].StepsToConverge);
        Assert.Equal(m[("sgd", 0.03, "ravine")].FinalLoss, m[("sgd", 0.03, "rotated-ravine")].FinalLoss, 1e-12);
        Assert.True(m[("adam", 0.1, "rotated-ravine")].StepsToConverge > 2 * m[("adam", 0.1, "ravine")].StepsToConverge);
        Assert.NotNull(m[("adam", 0.05, "ravine")].StepsToConverge);
        Assert.Null(m[("adam", 0.05, "rotated-ravine")].StepsToConverge);
        Assert.InRange(m[("adam", 0.5, "rotated-ravine")].StepsToConverge!.Value / (double)m[("adam", 0.5, "ravine")].StepsToConverge!.Value, 0.9, 1.15);
    }

    [Fact]
    public void Just_below_the_limit_only_the_largest_batch_settles()
    {
        Assert.Equal(Verdict.JustRight, BatchNumbers.Run(0.9 * BatchNumbers.Limit, 256).Verdict);
        Assert.NotEqual(Verdict.JustRight, BatchNumbers.Run(0.9 * BatchNumbers.Limit, 1).Verdict);
        Assert.NotEqual(Verdict.JustRight, BatchNumbers.Run(0.9 * BatchNumbers.Limit, 16).Verdict);
    }

    [Theory]
    [InlineData("momentum-swing")]
    [InlineData("flow-sign")]
    [InlineData("adam-rotated")]
    [InlineData("batch-limit")]
    public void Every_prediction_runs_and_names_a_valid_choice(string id)
    {
        var prediction = Course.Lessons.SelectMany(l => l.Sections).Select(s => s.Prediction).OfType<Prediction>().Single(p => p.Id == id);
        var outcome = prediction.Run!();
        Assert.InRange(outcome.Correct, 0, prediction.Choices.Count - 1);
        Assert.NotEmpty(outcome.Result);
    }

    [Fact]
    public void Predictions_have_the_outcomes_the_lessons_teach()
    {
        Prediction P(string id) => Course.Lessons.SelectMany(l => l.Sections).Select(s => s.Prediction).OfType<Prediction>().Single(p => p.Id == id);
        Assert.Equal(2, P("momentum-swing").Run!().Correct);
        Assert.Equal(1, P("flow-sign").Run!().Correct);
        Assert.Equal(1, P("adam-rotated").Run!().Correct);
        Assert.Equal(0, P("batch-limit").Run!().Correct);
    }

    [Fact]
    public void Flow_table_steps_track_the_flow_only_for_small_alpha_lambda()
    {
        var table = GradientFlowLesson.Table;
        Assert.Equal(4 * Math.Exp(-2 * GradientFlowLesson.Horizon), table[0].Flow, 6);
        Assert.All(table, r => Assert.Equal(GradientFlowLesson.Horizon, r.Count * r.Lr, 9));
        Assert.True(Math.Abs(table[0].Steps - table[0].Flow) < 0.002);
        Assert.All(table.Where(r => r.Lr <= 0.5), r => Assert.Equal(0, r.Flips));
        Assert.Equal(4, table.Single(r => r.Lr == 0.75).Flips);
        Assert.Equal(-4, table.Single(r => r.Lr == 1.0).Steps, 12);
    }

    [Fact]
    public void Every_wrong_choice_of_the_new_lessons_has_its_own_explanation()
    {
        string[] slugs = ["momentum", "adam-and-axes", "gradient-flow", "batch-size", "sanity-checks"];
        var questions = slugs.SelectMany(s => Course.Find(s)!.Quiz).ToList();
        Assert.True(questions.Count >= 12, $"{questions.Count} questions");
        foreach (var q in questions.Where(q => !q.IsNumeric))
        {
            Assert.Equal(q.Choices.Count, q.ChoiceExplanations.Count);
            Assert.Equal(q.Choices.Count, q.ChoiceExplanations.Distinct().Count());
        }
    }
}
