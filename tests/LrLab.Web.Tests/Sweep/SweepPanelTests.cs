using Bunit;
using LrLab.Core.Optimizers;
using LrLab.Web.Components.Sweep;
using LrLab.Web.Interop;
using LrLab.Web.Sweep;
using LrLab.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Sweep;

public sealed class SweepPanelTests : BunitContext
{
    private readonly RecordingCanvas _canvas = new();
    private readonly FakeChartExport _export = new();

    public SweepPanelTests()
    {
        Services.AddSingleton<ICanvasInterop>(_canvas);
        Services.AddSingleton<IChartExport>(_export);
    }

    private static SweepSetup Bowl(double lr = 0.05) => new("bowl", "sgd", new OptimizerOptions(), 200, lr);

    private static IRenderedComponent<SweepPanel> Done(IRenderedComponent<SweepPanel> panel)
    {
        panel.WaitForState(() => panel.Instance.Model.IsComplete, TimeSpan.FromSeconds(30));
        return panel;
    }

    [Fact]
    public void Renders_both_charts_and_the_findings()
    {
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl())));
        Assert.NotNull(panel.Find("canvas[data-testid=sweep-chart]"));
        Assert.NotNull(panel.Find("canvas[data-testid=sweep-steps-chart]"));
        Assert.Contains("sgd: diverges from 0.5", panel.Find("[data-testid=sweep-findings]").TextContent, StringComparison.Ordinal);
        Assert.Contains("theory 2/λmax = 0.5", panel.Find("[data-testid=sweep-findings]").TextContent, StringComparison.Ordinal);
        Assert.Contains("200 runs × 200 steps", panel.Find("[data-testid=sweep-time]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicking_a_point_loads_its_rate()
    {
        double? picked = null;
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl()).Add(c => c.OnPickRate, lr => picked = lr)));
        var model = panel.Instance.Model.Chart(Core.Plotting.SweepMetric.FinalLoss);
        var layout = Components.Charts.ChartRenderer.Layout(model, _canvas.Width, 260);
        var row = panel.Instance.Model.Result!.Sweeps[0].Rows[120];
        panel.Find("canvas[data-testid=sweep-chart]").MouseMove(new MouseEventArgs { OffsetX = layout.X.Map(row.Lr), OffsetY = layout.Y.Map(Math.Clamp(row.FinalLoss, 1e-20, 1e10)) });
        var hover = panel.FindComponents<Components.Charts.LineChart>()[0].Instance.Hover;
        panel.Find("canvas[data-testid=sweep-chart]").Click();
        Assert.Equal(hover!.Value.X, picked);
        Assert.InRange(picked!.Value, row.Lr / 1.5, row.Lr * 1.5); // the nearest drawn point to where the pointer was
        Assert.Contains(panel.Instance.Model.Result.Sweeps[0].Rows, r => r.Lr == picked);
    }

    [Fact]
    public void The_fastest_rate_button_and_table_rows_load_rates()
    {
        var picked = new List<double>();
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl()).Add(c => c.OnPickRate, lr => picked.Add(lr))));
        panel.Find("[data-testid=sweep-best]").Click();
        Assert.Empty(panel.FindAll("table.rows")); // built only when the table is opened
        panel.Find("details").TriggerEvent("ontoggle", EventArgs.Empty);
        panel.FindAll("table.rows button")[0].Click();
        Assert.Equal([panel.Instance.Model.Result!.Sweeps[0].BestLr!.Value, 1e-4], picked);
        Assert.InRange(picked[0], 0.2, 0.5);
    }

    [Fact]
    public void Compare_checkbox_adds_the_other_optimizers()
    {
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl())));
        panel.Find("[data-testid=sweep-count]").Change("30");
        panel.Find("[data-testid=sweep-compare]").Change(true);
        Done(panel);
        Assert.Equal(5, panel.FindAll("[data-testid=sweep-findings] li").Count);
        Assert.Contains("150 runs", panel.Find("[data-testid=sweep-time]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_setup_resweeps_but_a_new_current_rate_only_moves_the_marker()
    {
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl())));
        var first = panel.Instance.Model.Result;
        panel.Render(p => p.Add(c => c.Setup, Bowl(0.2)));
        Assert.Same(first, panel.Instance.Model.Result);
        panel.Render(p => p.Add(c => c.Setup, Bowl() with { Surface = "ravine" }));
        Done(panel);
        Assert.NotSame(first, panel.Instance.Model.Result);
        Assert.Contains("ravine", panel.Instance.Model.Result!.Surface, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_inputs_validate_and_resweep()
    {
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl())));
        panel.Find("[data-testid=sweep-max]").Change("0.0001");
        Assert.Contains("rates", panel.Find("[data-testid=sweep-error]").TextContent, StringComparison.Ordinal);
        panel.Find("[data-testid=sweep-max]").Change("0.3");
        Done(panel);
        Assert.Empty(panel.FindAll("[data-testid=sweep-error]"));
        Assert.Contains("never diverges", panel.Find("[data-testid=sweep-findings]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Download_buttons_save_png_svg_and_csv()
    {
        var panel = Done(Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl())));
        panel.Find("[data-testid=sweep-png]").Click();
        panel.Find("[data-testid=sweep-svg]").Click();
        panel.Find("[data-testid=sweep-csv]").Click();
        Assert.Equal(["sweep.png", "sweep.svg", "sweep.csv"], _export.Saved.Select(s => s.Name));
        Assert.StartsWith("<?xml", _export.Saved[1].Content, StringComparison.Ordinal);
        Assert.StartsWith("optimizer,lr,", _export.Saved[2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Slices_draw_a_coarse_picture_first_and_finish_with_every_rate()
    {
        var panel = Render<SweepPanel>(p => p.Add(c => c.Setup, Bowl() with { Steps = 2000 }).Add(c => c.SliceMilliseconds, 0.0));
        var model = panel.Instance.Model;
        Assert.False(model.IsComplete);
        Assert.Contains("computing", panel.Find("[data-testid=sweep-time]").TextContent, StringComparison.Ordinal);
        var partial = model.Chart(Core.Plotting.SweepMetric.FinalLoss).Series[0];
        Assert.InRange(partial.Count, 1, SweepPanelModel.DefaultCount - 1);
        Done(panel);
        Assert.Contains("first picture after", panel.Find("[data-testid=sweep-time]").TextContent, StringComparison.Ordinal);
        Assert.Equal(SweepPanelModel.DefaultCount, model.Chart(Core.Plotting.SweepMetric.FinalLoss).Series[0].Count);
    }
}
