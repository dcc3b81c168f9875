using Bunit;
using LrLab.Core;
using LrLab.Web.Components.Learn;
using LrLab.Web.Digits;
using LrLab.Web.Interop;
using LrLab.Web.Learn;
using LrLab.Web.Learn.Lessons;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Learn;

public sealed class NewLessonWidgetTests : BunitContext
{
    private readonly FakeDigits _digits = new();

    public NewLessonWidgetTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IDigitData>(_digits);
    }

    [Fact]
    public void Momentum_panel_shows_core_limits_and_follows_the_beta_slider_and_nesterov()
    {
        var cut = Render<MomentumPanel>();
        Assert.Equal("0.95", cut.Find("[data-testid=momentum-limit]").TextContent);
        Assert.Contains("+2.41", cut.Find("[data-testid=momentum-swing]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=momentum-beta]").Input("0");
        Assert.Equal("0.5", cut.Find("[data-testid=momentum-limit]").TextContent);

        cut.Find("[data-testid=momentum-beta]").Input("0.9");
        cut.Find("input[type=checkbox]").Change(true);
        Assert.Equal("0.339", cut.Find("[data-testid=momentum-limit]").TextContent);
    }

    [Fact]
    public void Momentum_panel_best_button_sets_the_ravine_optimum()
    {
        var cut = Render<MomentumPanel>();
        cut.Find("select").Change("ravine");
        cut.Find("[data-testid=momentum-best]").Click();

        var model = cut.Instance.Model;
        Assert.Equal(LrLab.Core.Theory.MomentumTheory.BestBeta(model.Surface.Curvature!), model.Beta, 12);
        Assert.Equal(MomentumNumbers.RavineMomentum.StepsToConverge, model.Run.StepsToConverge);
        Assert.Equal(Verdict.JustRight, model.Run.Verdict);
        Assert.Equal(Verdict.TooLarge, model.Plain.Verdict); // α* = 0.0614 is above plain descent's 2/λmax = 0.04
    }

    [Fact]
    public void Flow_panel_steps_flip_sign_only_above_one_over_lambda_while_the_flow_never_does()
    {
        var cut = Render<FlowPanel>();
        Assert.Equal(0, cut.Instance.Model.SignFlips);
        Assert.Equal(0, cut.Instance.Model.FlowSignFlips);

        cut.Find("button[data-rate='0.3']").Click();
        Assert.True(cut.Instance.Model.SignFlips > 5);
        Assert.Equal(0, cut.Instance.Model.FlowSignFlips);
        Assert.Contains("1 < αλmax = 1.2 < 2", cut.Find("[data-testid=flow-regime]").TextContent, StringComparison.Ordinal);

        cut.Find("button[data-rate='0.51']").Click();
        Assert.Contains("≥ 2", cut.Find("[data-testid=flow-regime]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Prediction_waits_for_a_pick_then_compares_with_the_engine()
    {
        var prediction = Momentum.Lesson.Sections.Select(s => s.Prediction).OfType<Prediction>().Single();
        var cut = Render<PredictThenRun>(p => p.Add(x => x.Prediction, prediction));
        Assert.True(cut.Find("[data-testid=prediction-run]").HasAttribute("disabled"));

        cut.Find("input[data-choice='0']").Change(true);
        cut.Find("[data-testid=prediction-run]").Click();

        var result = cut.Find("[data-testid=prediction-result]");
        Assert.Equal("false", result.GetAttribute("data-correct"));
        Assert.Contains("Well past", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("+2.41", result.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanity_panel_measures_the_initial_loss_overfits_a_batch_and_records_ratios()
    {
        var cut = Render<SanityPanel>(p => p.Add(x => x.Pause, () => Task.CompletedTask));

        cut.Find("input[data-choice='2']").Change(true);
        cut.Find("[data-testid=prediction-run]").Click();
        cut.WaitForElement("[data-testid=prediction-result]", TimeSpan.FromSeconds(10));
        Assert.Contains("ln 10 = 2.303", cut.Find("[data-testid=prediction-result]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=sanity-overfit]").Click();
        cut.WaitForElement("[data-testid=sanity-overfit-result]", TimeSpan.FromSeconds(30));
        Assert.Contains("100%", cut.Find("[data-testid=sanity-overfit-result]").TextContent, StringComparison.Ordinal);

        cut.Find("button[data-rate='0.01']").Click();
        cut.WaitForElement("[data-testid=sanity-ratios]", TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=sanity-ratios] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(1, _digits.Loads);
    }

    [Fact]
    public void Sanity_prediction_picks_the_choice_nearest_the_measured_loss()
    {
        Assert.Equal(2, SanityPanel.NearestChoice(2.304));
        Assert.Equal(3, SanityPanel.NearestChoice(9));
        Assert.Equal(0, SanityPanel.NearestChoice(0.1));
    }
}
