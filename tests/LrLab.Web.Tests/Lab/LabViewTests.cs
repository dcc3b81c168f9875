using Bunit;
using LrLab.Web.Components.Lab;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class LabViewTests : LabTestContext
{
    // URL syncing runs a timer; only the test about it turns it on, so the others stay deterministic.
    private IRenderedComponent<LabView> Lab(string query = "", bool sync = false) => RenderLab(query, sync);

    [Theory]
    [InlineData(0.001, "too small (crawling)")]
    [InlineData(0.05, "just right (smooth)")]
    [InlineData(0.3, "just right (oscillating)")]
    [InlineData(0.6, "too large (diverging)")]
    public void Verdict_panel_says_the_regime_in_words(double lr, string words)
    {
        var lab = Lab($"surface=bowl&lr={lr}");
        Assert.Contains(words, lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Slider_moves_the_rate_readout_and_verdict()
    {
        var lab = Lab("lr=0.05");
        lab.Find("[data-testid=lr-slider]").Input("-0.221849");
        Assert.Equal("0.6", lab.Find("[data-testid=lr-value]").TextContent);
        Assert.Contains("too large", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_rate_is_applied_and_a_bad_one_explained()
    {
        var lab = Lab();
        lab.Find("[data-testid=lr-input]").Change("0.001");
        Assert.Equal("0.001", lab.Find("[data-testid=lr-value]").TextContent);
        lab.Find("[data-testid=lr-input]").Change("fast");
        Assert.Contains("'fast' is not a learning rate", lab.Find(".rate .error").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.001", lab.Find("[data-testid=lr-value]").TextContent);
    }

    [Fact]
    public void Step_and_reset_move_the_readouts()
    {
        var lab = Lab("lr=0.1");
        lab.Find("[data-testid=step]").Click();
        lab.Find("[data-testid=step]").Click();
        Assert.Equal("2", lab.Find("[data-testid=step-count]").TextContent);

        // x² + 2y² from (−4, 3) at 0.1: (−3.2, 1.8) then (−2.56, 1.08) → loss 6.5536 + 2.3328.
        Assert.Equal("8.886", lab.Find("[data-testid=current-loss]").TextContent);
        lab.Find("[data-testid=reset]").Click();
        Assert.Equal("0", lab.Find("[data-testid=step-count]").TextContent);
        Assert.Equal("34", lab.Find("[data-testid=current-loss]").TextContent);
    }

    [Fact]
    public void Race_shows_one_legend_item_per_rate_and_add_rate_adds_one()
    {
        var lab = Lab("compare=0.001,0.05,0.3,0.6");
        var items = lab.FindAll("[data-testid=legend-item]");
        Assert.Equal(4, items.Count);
        Assert.Contains("too small", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("converged in 30 steps", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("too large", items[3].TextContent, StringComparison.Ordinal);

        lab.Find("[data-testid=add-rate]").Click();
        Assert.Equal(5, lab.FindAll("[data-testid=legend-item]").Count);
    }

    [Fact]
    public void Bad_url_values_show_a_notice_and_defaults()
    {
        var lab = Lab("surface=x%5E%5E2&lr=banana");
        var notice = lab.Find("[data-testid=url-notice]").TextContent;
        Assert.Contains("surface:", notice, StringComparison.Ordinal);
        Assert.Contains("lr:", notice, StringComparison.Ordinal);
        Assert.Equal("0.05", lab.Find("[data-testid=lr-value]").TextContent);
        Assert.Equal("bowl", lab.Find("[data-testid=surface-select]").GetAttribute("value"));
    }

    [Fact]
    public void Formula_errors_appear_under_the_box_with_the_column()
    {
        var lab = Lab();
        lab.Find("[data-testid=surface-select]").Change("__formula");
        lab.Find("[data-testid=formula-input]").Change("x^2 + (y");
        Assert.Contains("column", lab.Find("[data-testid=formula-error]").TextContent, StringComparison.Ordinal);

        lab.Find("[data-testid=formula-input]").Change("x^2 + 3*y^2");
        Assert.Empty(lab.FindAll("[data-testid=formula-error]"));
        Assert.Equal("x^2 + 3*y^2", lab.Instance.Session.Setup.Surface.Name);
    }

    [Fact]
    public async Task Url_follows_the_controls()
    {
        var lab = Lab(sync: true);
        lab.Find("[data-testid=lr-input]").Change("0.3");
        for (var i = 0; i < 50 && !Browser.Urls[^1].Contains("lr=0.3", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("lr=0.3", Browser.Urls[^1], StringComparison.Ordinal);
        Assert.StartsWith("/lab?surface=bowl&optimizer=sgd", Browser.Urls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_space_plays_and_arrows_nudge_the_rate()
    {
        var lab = Lab("lr=0.05");
        await lab.InvokeAsync(() => Browser.Press("ArrowRight"));
        lab.WaitForAssertion(() => Assert.Equal("0.0561", lab.Find("[data-testid=lr-value]").TextContent), TimeSpan.FromSeconds(10));
        await lab.InvokeAsync(() => Browser.Press(" "));
        lab.WaitForAssertion(() => Assert.True(lab.Instance.Playing), TimeSpan.FromSeconds(10));
        lab.WaitForAssertion(() => Assert.NotEqual("0", lab.Find("[data-testid=step-count]").TextContent), TimeSpan.FromSeconds(10));
        await lab.InvokeAsync(() => Browser.Press(" "));
        lab.WaitForAssertion(() => Assert.False(lab.Instance.Playing), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Key_hint_shows_only_when_the_lab_takes_the_keys(bool keyboard)
    {
        var lab = Render<LabView>(p => p.Add(l => l.State, new LabState { Lr = 0.05 }).Add(l => l.Keyboard, keyboard));

        Assert.Equal(keyboard, lab.Markup.Contains("space plays or pauses", StringComparison.Ordinal));
        Assert.Equal(keyboard ? 1 : 0, lab.FindAll(".keys").Count);
        Assert.Contains("Click the surface to start from there (or type a start", lab.Markup, StringComparison.Ordinal);
        await lab.InvokeAsync(() => Browser.Press("ArrowRight"));
        Assert.Equal(keyboard ? "0.0561" : "0.05", lab.Find("[data-testid=lr-value]").TextContent);
    }

    [Theory]
    [InlineData("sgd", new[] { "momentum", "weight_decay" })]
    [InlineData("adam", new[] { "beta1", "beta2", "eps", "weight_decay" })]
    [InlineData("rmsprop", new[] { "alpha", "eps", "momentum", "weight_decay" })]
    [InlineData("adagrad", new[] { "eps", "weight_decay" })]
    public void Optimizer_picker_shows_its_hyperparameters(string optimizer, string[] fields)
    {
        var lab = Lab();
        lab.Find("[data-testid=optimizer-select]").Change(optimizer);
        Assert.Equal(fields.Select(f => "hp-" + f), lab.FindAll(".hyper input[type=number]").Select(i => i.GetAttribute("data-testid")));
    }

    [Theory]
    [InlineData("sgd", "momentum=0, weight_decay=0")]
    [InlineData("nesterov", "momentum=0.9, weight_decay=0")]
    [InlineData("adam", "beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0")]
    [InlineData("adamw", "beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.01")]
    [InlineData("rmsprop", "alpha=0.99, eps=1e-08, momentum=0, weight_decay=0")]
    [InlineData("adagrad", "eps=1e-10, weight_decay=0")]
    [InlineData("linesearch", "shrink=0.5, c=0.0001")]
    public void Empty_hyperparameters_show_the_default_Core_uses_as_placeholder(string optimizer, string expected)
    {
        // The placeholders come from Core's tables (checked against PyTorch in Core's tests), not from typed text.
        var lab = Lab();
        lab.Find("[data-testid=optimizer-select]").Change(optimizer);
        var shown = lab.FindAll(".hyper input[type=number]").Select(i => i.GetAttribute("data-testid")![3..] + "=" + i.GetAttribute("placeholder"));
        Assert.Equal(expected, string.Join(", ", shown));
    }

    [Fact]
    public void Hyperparameters_change_the_run()
    {
        var lab = Lab("lr=0.05");
        lab.Find("[data-testid=hp-momentum]").Change("0.9");
        Assert.Equal(0.9, lab.Instance.Session.Setup.Options.Momentum);
        Assert.Contains("momentum β = 0.9", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        lab.Find("[data-testid=hp-momentum]").Change("1.2");
        Assert.Contains("below 1", lab.Find(".hyper .error").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LabPresetTests.Ids), MemberType = typeof(LabPresetTests))]
    public void Each_preset_loads_from_the_menu(string id)
    {
        var lab = Lab();
        lab.Find("[data-testid=preset-select]").Change(id);
        var preset = LabPresets.Find(id)!;
        Assert.Contains(preset.ExpectedVerdict, lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Equal(preset.State.Entries.Count, lab.FindAll("[data-testid=legend-item]").Count);
    }

    [Fact]
    public void Overflow_is_explained_once_the_run_reaches_it()
    {
        var lab = Lab("lr=3&steps=400");
        Assert.Empty(lab.FindAll("[data-testid=overflow-notice]"));
        lab.Find("[data-testid=run-to-end]").Click();
        var text = lab.Find("[data-testid=overflow-notice]").TextContent;
        Assert.Contains("overflowed to infinity at step", text, StringComparison.Ordinal);
        Assert.Contains("|1 − αλmax| = 11 > 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SurfaceCanvas_and_loss_chart_are_drawn()
    {
        var lab = Lab();
        Assert.NotNull(lab.Find("canvas[data-testid=surface-canvas]"));
        Assert.NotNull(lab.Find("canvas[data-testid=loss-chart]"));
        Assert.Contains("heat:bowl", Canvas.Images.Keys);
        Assert.True(Canvas.Draws.Count >= 2);
    }

    [Fact]
    public void Theory_ticks_are_marked_on_the_slider()
    {
        var lab = Lab("surface=bowl&optimizer=momentum");
        Assert.Equal(["1/λmax", "2/(λmin+λmax)", "2/λmax", "(2+2β)/λmax"], lab.FindAll(".ticks .tick").Select(t => t.TextContent));
    }

    [Fact]
    public void Compact_lab_embeds_a_preset_without_setup_controls()
    {
        var preset = LabPresets.Find("bowl-0.3")!;
        var lab = Render<LabView>(p => p.Add(l => l.State, preset.State).Add(l => l.Compact, true).Add(l => l.Keyboard, false));
        Assert.Empty(lab.FindAll("[data-testid=preset-select]"));
        Assert.Empty(lab.FindAll("[data-testid=surface-select]"));
        Assert.NotNull(lab.Find("[data-testid=lr-slider]"));
        Assert.Contains("oscillating", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Browser.Urls);
    }

    [Fact]
    public void Ticks_near_the_right_end_grow_leftwards()
    {
        var lab = Lab("surface=plateau");
        Assert.Contains(lab.FindAll(".ticks .tick"), t => t.ClassList.Contains("end"));
    }
}
