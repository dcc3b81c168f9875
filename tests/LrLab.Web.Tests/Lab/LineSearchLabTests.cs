using LrLab.Core;
using LrLab.Core.LineSearch;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Batch;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using LrLab.Web.Sweep;

namespace LrLab.Web.Tests.Lab;

/// <summary>Line search as a lab optimizer: URL, runs, probes on the canvas, step panel numbers, explanations.</summary>
public sealed class LineSearchLabTests
{
    private static LabState Ravine(double lr = 0.05) => new() { Surface = "ravine", Optimizer = "linesearch", Lr = lr };

    [Theory]
    [InlineData("surface=ravine&optimizer=linesearch&lr=0.05", null, null)]
    [InlineData("optimizer=LineSearch&lr=0.5&shrink=0.3&c=0.001", 0.3, 0.001)]
    [InlineData("optimizer=linesearch&compare=0.01,0.05,0.5&lr=0.05&shrink=0.7", 0.7, null)]
    public void Url_round_trips_line_search_and_its_optional_extras(string query, double? shrink, double? c)
    {
        var (state, notices) = LabUrl.Parse(query);
        Assert.Empty(notices);
        Assert.Equal("linesearch", state.Optimizer);
        Assert.Equal(shrink, state.Shrink);
        Assert.Equal(c, state.ArmijoC);
        var text = LabUrl.Serialize(state);
        Assert.Equal(shrink is null, !text.Contains("shrink=", StringComparison.Ordinal));
        var (again, none) = LabUrl.Parse(text);
        Assert.Empty(none);
        Assert.Equal(text, LabUrl.Serialize(again));
        Assert.Equal(state.Rates, again.Rates);
    }

    [Theory]
    [InlineData("optimizer=linesearch&shrink=1.5", "shrink: '1.5'")]
    [InlineData("optimizer=linesearch&c=0", "c: '0'")]
    [InlineData("optimizer=armijo", "linesearch")]
    [InlineData("optimizer=linesearch&schedule=ReduceLROnPlateau(patience=3)", "ReduceLROnPlateau cannot drive a line search")]
    public void Bad_line_search_values_give_a_notice_and_defaults(string query, string expected)
    {
        var (state, notices) = LabUrl.Parse(query);
        Assert.Contains(notices, n => n.Contains(expected, StringComparison.Ordinal));
        Assert.Null(state.Shrink);
        Assert.Null(state.ArmijoC);
        Assert.Null(state.Schedule);
        _ = new LabSession(state); // the defaults run
    }

    [Fact]
    public void Plateau_schedule_stays_with_a_fixed_rate_optimizer()
    {
        var (state, notices) = LabUrl.Parse("optimizer=sgd&schedule=ReduceLROnPlateau(patience=3)");
        Assert.Empty(notices);
        Assert.NotNull(state.Schedule);
        var session = new LabSession(state);
        var error = Assert.Throws<InputException>(() => session.Apply(state with { Optimizer = "linesearch" }));
        Assert.Contains("ReduceLROnPlateau", error.Message, StringComparison.Ordinal);
        Assert.Equal("sgd", session.Setup.Optimizer); // nothing changed
    }

    public static TheoryData<string, double, int?, int?, double?> Runs() => new()
    {
        { "ravine", 0.05, null, null, null },
        { "ravine", 0.5, null, null, 0.3 },
        { "parabola", 1.5, null, null, null },
        { "rosenbrock", 0.01, null, null, null },
        { "noisy-bowl", 0.2, 4, 7, null },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_line_search_run_is_exactly_the_cores(string surfaceName, double lr, int? batch, int? seed, double? shrink)
    {
        var state = new LabState { Surface = surfaceName, Optimizer = "linesearch", Lr = lr, Batch = batch, Seed = seed, Shrink = shrink };
        var run = new LabSession(state).Current.Trajectory;
        var surface = SurfaceCatalog.Resolve(surfaceName);
        var expected = Search(
            surface,
            lr,
            new ArmijoOptions { Shrink = shrink ?? 0.5 },
            new SimulationOptions { Steps = LabState.DefaultSteps, Start = surface.DefaultStart, BatchSize = batch ?? 1, Seed = seed ?? 0 });
        Assert.Equal(expected.Steps.Count, run.Steps.Count);
        for (var k = 0; k < run.Steps.Count; k++)
        {
            Assert.Equal(expected.Steps[k].Params, run.Steps[k].Params);
            Assert.Equal(expected.Steps[k].Loss, run.Steps[k].Loss);
        }

        Assert.Equal(expected.LineSearch!.Select(s => s.Alpha), run.LineSearch!.Select(s => s.Alpha));
        Assert.Equal(expected.Verdict, run.Verdict);
        Assert.Equal("linesearch", run.Optimizer);
    }

    [Fact]
    public void A_rate_change_mid_run_keeps_the_shown_points_and_sets_the_next_first_trial()
    {
        var session = new LabSession(Ravine());
        session.Advance(10);
        var before = session.Current.Trajectory.Steps.Take(11).Select(p => p.Params).ToArray();
        session.SetRate(0.5);
        Assert.True(session.Current.Changed);
        Assert.Equal(before, session.Current.Trajectory.Steps.Take(11).Select(p => p.Params));
        Assert.Equal(0.05, session.Current.SearchOf(10)!.Probes[0].Alpha);
        Assert.Equal(0.5, session.Current.SearchOf(11)!.Probes[0].Alpha);
    }

    [Fact]
    public void A_schedule_scales_the_first_trial_step()
    {
        var session = new LabSession(Ravine() with { Schedule = "StepLR(step_size=10, gamma=0.5)" });
        Assert.Equal(0.05, session.Current.SearchOf(10)!.Probes[0].Alpha, 15);
        Assert.Equal(0.025, session.Current.SearchOf(11)!.Probes[0].Alpha, 15);
    }

    [Fact]
    public void A_race_of_first_trial_steps_runs_a_search_each()
    {
        var session = new LabSession(LabUrl.Parse("surface=ravine&optimizer=linesearch&compare=0.01,0.05,0.5&lr=0.05").State);
        Assert.Equal(3, session.Runs.Count);
        Assert.Equal(1, session.Selected);
        Assert.All(session.Runs, r => Assert.Equal(r.Trajectory.Steps.Count - 1, r.Trajectory.LineSearch!.Count));
        Assert.Equal([Verdict.TooSmall, Verdict.JustRight, Verdict.JustRight], session.Runs.Select(r => r.Trajectory.Verdict));
    }

    [Fact]
    public void Step_breakdown_lists_the_trials_of_the_update_with_their_armijo_targets()
    {
        var session = new LabSession(Ravine());
        var surface = session.Setup.Surface;
        var b = StepBreakdown.Of(session.Current, surface, 1, session.Setup.Armijo)!;
        var theta = session.Current.Trajectory.Steps[0];
        var gradient = new double[2];
        surface.ValueAndGradient(theta.Params, gradient);
        var squared = (gradient[0] * gradient[0]) + (gradient[1] * gradient[1]);

        Assert.Equal(0.05, b.FirstTrial);
        Assert.Equal([0.05, 0.025], b.Trials.Select(t => t.Alpha));
        Assert.Equal([false, true], b.Trials.Select(t => t.Holds));
        Assert.Equal(theta.Loss - (1e-4 * 0.025 * squared), b.Trials[1].Target, 12);
        Assert.True(b.Trials[0].Loss > b.Trials[0].Target);
        Assert.True(b.Trials[1].Loss <= b.Trials[1].Target);
        Assert.Equal(0.025, b.Lr);
        Assert.Equal(theta.Params[0] - (0.025 * gradient[0]), b.NewTheta[0], 12);
        Assert.Equal(theta.Params[1] - (0.025 * gradient[1]), b.NewTheta[1], 12);
    }

    [Fact]
    public void Fixed_rate_breakdowns_have_no_trials()
    {
        var session = new LabSession(new LabState { Surface = "ravine", Lr = 0.05 });
        var b = StepBreakdown.Of(session.Current, session.Setup.Surface, 1)!;
        Assert.Empty(b.Trials);
        Assert.Null(b.FirstTrial);
    }

    [Fact]
    public void Explainer_says_what_the_search_did_and_not_the_fixed_rate_factor()
    {
        var session = new LabSession(Ravine());
        var searches = session.Current.Trajectory.LineSearch!;
        var halved = searches.Count(s => s.Probes.Count == 2 && s.Satisfied);
        var kept = searches.Count(s => s.Probes.Count == 1);
        var text = RateExplainer.Theory(session.Setup, session.Current);
        Assert.Contains($"cut the first step 0.05 → 0.025 on {halved} of {searches.Count} updates", text, StringComparison.Ordinal);
        Assert.Contains($"kept α₀ on {kept}", text, StringComparison.Ordinal);
        Assert.Contains("above 2/λmax = 0.04", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 − αλ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explainer_for_a_small_first_step_says_the_search_never_cut_it()
    {
        var session = new LabSession(new LabState { Surface = "bowl", Optimizer = "linesearch", Lr = 0.001 });
        var text = RateExplainer.Theory(session.Setup, session.Current);
        Assert.Contains("passed the test on all 200 updates", text, StringComparison.Ordinal);
        Assert.Contains("can only shorten a step, never lengthen it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Theory_ticks_for_line_search_keep_only_the_fixed_rate_divergence_limit()
    {
        var ticks = TheoryTicks.For(LabSetup.From(Ravine()));
        var tick = Assert.Single(ticks);
        Assert.Equal(0.04, tick.Lr, 12);
        Assert.Contains("line search cuts", tick.Meaning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 8)]
    public void Renderer_draws_the_next_updates_probes_rejected_hollow_and_accepted_filled(int shown, int update)
    {
        var session = new LabSession(Ravine());
        session.Advance(shown);
        var search = session.Current.SearchOf(update)!;
        var canvas = new CanvasCommands();
        var scene = new SurfaceScene(session.Setup, session.Setup.Surface.View, "heat", session.Runs, session.Selected, session.Shown);
        var layout = SurfaceRenderer.Render(scene, 600, 400, canvas);

        var probes = Circles(canvas).Where(c => c.R == ProbeMarks.Radius).ToArray();
        Assert.Equal(search.Probes.Count, probes.Length);
        for (var i = 0; i < probes.Length; i++)
        {
            Assert.Equal(layout.X.Map(search.Probes[i].Params[0]), probes[i].X, 9);
            Assert.Equal(layout.Y.Map(search.Probes[i].Params[1]), probes[i].Y, 9);
            Assert.Equal(search.Probes[i].Accepted ? ProbeMarks.Accepted : ProbeMarks.Rejected, probes[i].Color);
        }

        Assert.Contains("α = " + Numbers.Short(search.Alpha, 3), canvas.Texts());
    }

    [Fact]
    public void Renderer_draws_no_probes_for_a_fixed_rate_or_after_the_end()
    {
        var fixedRate = new LabSession(new LabState { Surface = "ravine", Lr = 0.05 });
        Assert.DoesNotContain(Circles(Render(fixedRate)), c => c.R == ProbeMarks.Radius);

        Assert.DoesNotContain(Render(new LabSession(Ravine())).Texts(), t => t.Contains("outside the view", StringComparison.Ordinal));

        var finished = new LabSession(Ravine() with { Steps = 20 });
        finished.RunToEnd();
        Assert.Equal(0, ProbeMarks.NextUpdate(finished.Current, finished.Shown));
        Assert.DoesNotContain(Circles(Render(finished)), c => c.R == ProbeMarks.Radius);
    }

    [Fact]
    public void Other_raced_searches_get_faint_probes()
    {
        var session = new LabSession(LabUrl.Parse("surface=ravine&optimizer=linesearch&compare=0.05,0.5&lr=0.05").State);
        var circles = Circles(Render(session));
        Assert.Equal(session.Current.SearchOf(1)!.Probes.Count, circles.Count(c => c.R == ProbeMarks.Radius));
        Assert.Equal(session.Runs[1].SearchOf(1)!.Probes.Count, circles.Count(c => c.R == ProbeMarks.FaintRadius));
    }

    [Fact]
    public void On_a_1d_surface_the_probes_sit_on_the_curve()
    {
        var session = new LabSession(new LabState { Surface = "parabola", Optimizer = "linesearch", Lr = 1.5, Steps = 12 });
        var canvas = new CanvasCommands();
        var scene = new SurfaceScene(session.Setup, session.Setup.Surface.View, "heat", session.Runs, session.Selected, 0);
        var layout = SurfaceRenderer.Render(scene, 600, 400, canvas);
        var search = session.Current.SearchOf(1)!;
        Assert.True(search.Probes.Count >= 2); // 1.5 overshoots to −8: rejected
        var probes = Circles(canvas).Where(c => c.R == ProbeMarks.Radius).ToArray();
        Assert.Equal(search.Probes.Count, probes.Length);
        for (var i = 0; i < probes.Length; i++)
        {
            var w = search.Probes[i].Params[0];
            Assert.Equal(Math.Clamp(layout.Y.Map(w * w), -1e5, 1e5), probes[i].Y, 9);
        }

        // 4 − 1.5·8 = −8 lies beyond the view (−5 … 5): the canvas says so.
        Assert.Equal(-8, search.Probes[0].Params[0]);
        Assert.Contains("1 trial outside the view (longest α = 1.5)", canvas.Texts());
    }

    [Fact]
    public void Sweep_over_the_first_trial_step_runs_a_whole_search_per_rate_and_never_diverges_on_the_ravine()
    {
        var setup = LabSweep.SetupFor(Ravine() with { Shrink = 0.3 })!;
        Assert.Equal("linesearch", setup.Optimizer);
        Assert.Equal(0.3, setup.Armijo.Shrink);

        var model = new SweepPanelModel { Count = 12, LrMin = 1e-3, LrMax = 2 };
        model.Run(setup);
        Assert.Null(model.Error);
        var sweep = Assert.Single(model.Result!.Sweeps);
        Assert.Equal("linesearch", sweep.Optimizer);
        var surface = SurfaceCatalog.Resolve("ravine");
        foreach (var row in sweep.Rows)
        {
            var run = Search(surface, row.Lr, new ArmijoOptions { Shrink = 0.3 }, new SimulationOptions { Steps = LabState.DefaultSteps });
            Assert.Equal(run.FinalLoss, row.FinalLoss);
            Assert.Equal(run.Verdict, row.Verdict);
        }

        Assert.Null(sweep.DivergenceLimit);
        Assert.Equal(0.04, sweep.Theory.StabilityLimit!.Value, 12);
        Assert.Contains("linesearch: never diverges in this range (a fixed rate diverges from 2/λmax = 0.04)", model.Findings()[0], StringComparison.Ordinal);
        Assert.Contains(model.Chart(SweepMetric.FinalLoss).Markers, m => m.Label == "2/λmax");
    }

    [Fact]
    public void Comparison_sweep_adds_line_search_when_it_is_selected()
    {
        var model = new SweepPanelModel { Count = 6, Compare = true };
        model.Run(LabSweep.SetupFor(Ravine())!);
        Assert.Equal([.. SweepPanelModel.ComparisonSet, "linesearch"], model.Result!.Sweeps.Select(s => s.Optimizer));
        model.Run(LabSweep.SetupFor(Ravine() with { Optimizer = "sgd" })!);
        Assert.Equal(SweepPanelModel.ComparisonSet, model.Result!.Sweeps.Select(s => s.Optimizer));
    }

    [Fact]
    public void Line_search_comparison_uses_the_labs_armijo_parameters()
    {
        var (comparison, _) = LineSearchComparison.For(LabSweep.SetupFor(Ravine() with { Shrink = 0.3 })!);
        Assert.Equal([0.05, 0.015], comparison!.Searched.LineSearch![0].Probes.Select(p => p.Alpha).Select(a => Math.Round(a, 12)));
    }

    [Fact]
    public void Batch_rule_runs_line_search_with_the_rate_as_first_trial()
    {
        var runs = BatchRule.Compare(2, 0.1, 100, 1, "linesearch");
        Assert.Equal(4, runs.Count);
        Assert.All(runs, r => Assert.Equal(100, r.Run.LineSearch!.Count));
        Assert.Equal(0.1 * Math.Sqrt(2), runs[2].Run.LineSearch![0].Probes[0].Alpha, 12);
    }

    private static CanvasCommands Render(LabSession session)
    {
        var canvas = new CanvasCommands();
        SurfaceRenderer.Render(new SurfaceScene(session.Setup, session.Setup.Surface.View, "heat", session.Runs, session.Selected, session.Shown), 600, 400, canvas);
        return canvas;
    }

    // Every circle with its colour: the fill in force for a filled dot, or the ring colour stroked over the same path
    // (after the white halo) for a hollow one.
    private static List<(double X, double Y, double R, string Color)> Circles(CanvasCommands canvas)
    {
        var circles = new List<(double X, double Y, double R, string Color)>();
        var ops = canvas.Ops;
        var fill = string.Empty;
        var stroke = string.Empty;
        var pending = -1;
        for (var i = 0; i < ops.Length; i += CanvasCommands.Length((CanvasOp)ops[i]))
        {
            switch ((CanvasOp)ops[i])
            {
                case CanvasOp.FillStyle:
                    fill = canvas.Strings[(int)ops[i + 1]];
                    break;
                case CanvasOp.StrokeStyle:
                    stroke = canvas.Strings[(int)ops[i + 1]];
                    break;
                case CanvasOp.BeginPath:
                    pending = -1;
                    break;
                case CanvasOp.Circle:
                    circles.Add((ops[i + 1], ops[i + 2], ops[i + 3], fill));
                    pending = circles.Count - 1;
                    break;
                case CanvasOp.Stroke when pending >= 0 && stroke == ProbeMarks.Rejected:
                    circles[pending] = circles[pending] with { Color = ProbeMarks.Rejected };
                    break;
            }
        }

        return circles;
    }

    private static Trajectory Search(Surface surface, double lr, ArmijoOptions? armijo = null, SimulationOptions? options = null) =>
        Simulator.Run(surface, new ArmijoRule(lr, armijo), options);
}
