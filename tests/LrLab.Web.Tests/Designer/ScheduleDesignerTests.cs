using LrLab.Core.Schedules;
using LrLab.Web.Designer;

namespace LrLab.Web.Tests.Designer;

public sealed class ScheduleDesignerTests
{
    public static TheoryData<string> Classes => [.. ScheduleSpec.Names];

    [Fact]
    public void There_is_a_form_for_every_scheduler_with_pytorchs_parameter_names()
    {
        Assert.Equal(ScheduleSpec.Names, SchedulerForms.All.Select(f => f.ClassName));
        Assert.Equal(["step_size", "gamma"], SchedulerForms.Find("StepLR")!.Fields.Select(f => f.Name));
        Assert.Equal(12, SchedulerForms.Find("OneCycleLR")!.Fields.Count);
        // scale_fn takes a Python function, which a spec string cannot hold: no field for it.
        Assert.DoesNotContain("scale_fn", SchedulerForms.Find("CyclicLR")!.Fields.Select(f => f.Name));
        Assert.Equal(10, SchedulerForms.Find("CyclicLR")!.Fields.Count);
    }

    [Fact]
    public void Every_field_shows_Cores_default_for_its_parameter()
    {
        // Core's table is the one checked against PyTorch's signatures; the forms only read it.
        foreach (var form in SchedulerForms.All)
        {
            var signature = ScheduleSpec.Signature(form.ClassName)!;
            foreach (var field in form.Fields)
            {
                var parameter = signature[field.Name];
                var expected = parameter.IsRequired || parameter.Value is null ? string.Empty : parameter.Value as string ?? parameter.Text;
                Assert.True(expected == field.Default, $"{form.ClassName}.{field.Name}: form {field.Default}, Core {expected}");
                Assert.Equal(parameter.IsRequired, field.Required);
            }
        }

        Assert.Equal("0.1", SchedulerForms.Find("StepLR")!.Fields[1].Default);
        Assert.Equal("1e-08", SchedulerForms.Find("ReduceLROnPlateau")!.Fields.Single(f => f.Name == "eps").Default);
        Assert.Equal("10000.0", SchedulerForms.Find("OneCycleLR")!.Fields.Single(f => f.Name == "final_div_factor").Default);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Every_scheduler_can_be_built_from_the_form_and_its_spec_round_trips(string className)
    {
        var designer = new ScheduleDesigner();
        designer.Select(className);
        Assert.Null(designer.Error);
        Assert.Equal(className, designer.Current.ClassName);
        Assert.Equal(designer.Spec, designer.SpecText);

        // The spec the form wrote, typed back into the box, gives the same schedule and the same form values.
        var values = designer.Form.Fields.ToDictionary(f => f.Name, f => designer.Value(f.Name));
        var fresh = new ScheduleDesigner();
        fresh.SetSpec(designer.SpecText);
        Assert.Null(fresh.Error);
        Assert.Equal(designer.Spec, fresh.Spec);
        Assert.Equal(designer.Rates, fresh.Rates);
        Assert.Equal(className, fresh.Form.ClassName);
        Assert.Equal(values, fresh.Form.Fields.ToDictionary(f => f.Name, f => fresh.Value(f.Name)));

        Assert.Contains($"torch.optim.lr_scheduler.{className}(optimizer", designer.Python, StringComparison.Ordinal);
        Assert.Equal(designer.Steps, designer.Rates.Length);
        Assert.All(designer.Rates, r => Assert.True(double.IsFinite(r) && r >= 0));
    }

    [Fact]
    public void Changing_a_field_rewrites_the_spec_and_the_rates()
    {
        var designer = new ScheduleDesigner();
        designer.Select("StepLR");
        designer.SetField("step_size", "10");
        designer.SetField("gamma", "0.5");
        Assert.Equal("StepLR(step_size=10, gamma=0.5)", designer.SpecText);
        Assert.Equal(0.01, designer.Rates[9], 15);
        Assert.Equal(0.005, designer.Rates[10], 15);
    }

    [Fact]
    public void A_typed_spec_fills_the_form_and_defaults_the_rest()
    {
        var designer = new ScheduleDesigner();
        designer.SetSpec("OneCycleLR(max_lr=0.2, total_steps=50, anneal_strategy='linear', three_phase=True)");
        Assert.Equal("OneCycleLR", designer.Form.ClassName);
        Assert.Equal("0.2", designer.Value("max_lr"));
        Assert.Equal("linear", designer.Value("anneal_strategy"));
        Assert.Equal("True", designer.Value("three_phase"));
        Assert.Equal("0.3", designer.Value("pct_start"));
        Assert.Equal(string.Empty, designer.Value("epochs"));
    }

    [Fact]
    public void Nested_sequential_specs_work_through_the_box()
    {
        var spec = "SequentialLR(schedulers=[ConstantLR(factor=0.1, total_iters=2), LinearLR(start_factor=0.5, total_iters=3), ExponentialLR(gamma=0.9)], milestones=[2, 5])";
        var designer = new ScheduleDesigner();
        designer.SetSpec(spec);
        Assert.Null(designer.Error);
        Assert.Equal("SequentialLR", designer.Form.ClassName);
        Assert.StartsWith("[ConstantLR(", designer.Value("schedulers"), StringComparison.Ordinal);
        Assert.Equal("[2, 5]", designer.Value("milestones"));
        var expected = ScheduleSpec.ParseLr(spec);
        for (var t = 0; t < designer.Steps; t++)
        {
            Assert.Equal(expected.At(t, designer.BaseLr), designer.Rates[t]);
        }
    }

    [Fact]
    public void A_bad_spec_reports_its_column_and_keeps_the_last_good_schedule()
    {
        var designer = new ScheduleDesigner();
        var before = designer.Spec;
        designer.SetSpec("CosineAnnealingLR(tmax=10)");
        Assert.Contains("tmax", designer.Error, StringComparison.Ordinal);
        Assert.Equal(19, designer.ErrorColumn);
        Assert.Equal(before, designer.Spec);
        Assert.Equal("CosineAnnealingLR(tmax=10)", designer.SpecText);
        designer.SetSpec("CosineAnnealingLR(T_max=10)");
        Assert.Null(designer.Error);
    }

    [Fact]
    public void A_bad_field_value_shows_the_error_and_the_spec_as_written()
    {
        var designer = new ScheduleDesigner();
        designer.Select("StepLR");
        designer.SetField("step_size", "0");
        Assert.Contains("step_size", designer.Error, StringComparison.Ordinal);
        Assert.Equal("StepLR(step_size=0, gamma=0.1)", designer.SpecText);
    }

    [Theory]
    [InlineData("step-decay", 0.01, 29, 0.01)]
    [InlineData("step-decay", 0.01, 30, 0.001)]
    [InlineData("step-decay", 0.01, 60, 0.0001)]
    [InlineData("warmup-cosine", 0.01, 0, 0.0001)]
    [InlineData("warmup-cosine", 0.01, 5, 0.01)]
    [InlineData("warmup-cosine", 0.01, 100, 0.0001)]
    [InlineData("one-cycle", 0.01, 29, 0.1)] // the peak ends the first 30 % of the 100 updates
    public void Presets_load_the_specs_rates(string name, double lr, int step, double rate)
    {
        var designer = new ScheduleDesigner();
        designer.ApplyPreset(SchedulePresets.All.Single(p => p.Name == name));
        Assert.Equal(lr, designer.BaseLr);
        Assert.Equal(name, designer.Preset);
        Assert.Equal(rate, designer.Rates[step], rate * 1e-9);
    }

    [Fact]
    public void Url_state_round_trips_and_bad_values_fall_back_to_defaults()
    {
        var designer = new ScheduleDesigner();
        designer.SetSpec("ExponentialLR(gamma=0.9)");
        designer.SetBaseLr("0.5");
        designer.SetSteps("20");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x/" + designer.ShareUrl).Query);
        var copy = new ScheduleDesigner();
        copy.LoadUrl(query["schedule"], query["lr"], query["steps"]);
        Assert.Equal(designer.Spec, copy.Spec);
        Assert.Equal(designer.Rates, copy.Rates);
        Assert.Null(copy.UrlProblem);

        var bad = new ScheduleDesigner();
        bad.LoadUrl("StepLR(step_size=", "-1", "many");
        Assert.Contains("schedule", bad.UrlProblem, StringComparison.Ordinal);
        Assert.Contains("column", bad.UrlProblem, StringComparison.Ordinal);
        Assert.Contains("lr", bad.UrlProblem, StringComparison.Ordinal);
        Assert.Contains("steps", bad.UrlProblem, StringComparison.Ordinal);
        Assert.Equal(ScheduleDesigner.DefaultLr, bad.BaseLr);
        Assert.Equal(ScheduleSpec.Parse(SchedulePresets.WarmupCosine.Spec).ToSpec(), bad.Spec);
    }

    [Fact]
    public void Use_in_lab_carries_the_schedule_and_the_rate()
    {
        var designer = new ScheduleDesigner();
        designer.SetSpec("StepLR(step_size=5)");
        designer.SetBaseLr("0.3");
        designer.SetSteps("80");
        Assert.Equal("lab?schedule=StepLR%28step_size%3D5%29&lr=0.3&steps=80", designer.LabUrl);
    }

    [Fact]
    public void Reduce_on_plateau_shows_the_rates_of_a_noisy_run()
    {
        var designer = new ScheduleDesigner();
        designer.SetSpec("ReduceLROnPlateau(patience=2, factor=0.5)");
        designer.SetSteps("200");
        Assert.Equal(0.01, designer.Rates[0]);
        Assert.True(designer.Rates[^1] < 0.01, "the noise floor stalls the loss, so the rate comes down");
        Assert.Contains("scheduler.step(loss)", designer.Python, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_svg_exports_describe_the_shown_rates()
    {
        var designer = new ScheduleDesigner();
        designer.ApplyPreset(SchedulePresets.StepDecay);
        var lines = designer.Csv().TrimEnd('\n').Split('\n');
        Assert.Equal("step,lr", lines[0]);
        Assert.Equal(91, lines.Length);
        Assert.Equal("30,0.001", lines[31]);
        var svg = System.Xml.Linq.XDocument.Parse(designer.Svg());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(designer.Spec, svg.Root.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_past_the_end_of_OneCycleLR_shows_what_PyTorch_allows_and_says_so()
    {
        var designer = new ScheduleDesigner();

        designer.LoadUrl("OneCycleLR(max_lr=0.1, total_steps=10)", "0.01", "100");

        Assert.Equal(11, designer.Steps);
        Assert.Equal(11, designer.Rates.Length);
        Assert.All(designer.Rates, r => Assert.True(double.IsFinite(r)));
        Assert.StartsWith("steps: OneCycleLR cannot be stepped past step 10", designer.UrlProblem, StringComparison.Ordinal);
        Assert.Contains("schedules?", designer.ShareUrl, StringComparison.Ordinal);
        Assert.EndsWith("&steps=11", designer.ShareUrl, StringComparison.Ordinal);
    }
}
