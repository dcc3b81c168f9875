using System.Globalization;
using System.Text;
using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Designer;

/// <summary>
/// The schedule designer's state, kept in sync both ways: the form (a scheduler and its fields) writes the spec
/// string; a spec string typed into the box (or arriving in the URL) fills the form. A bad spec keeps the last good
/// schedule on the chart and reports the message with its column.
/// </summary>
public sealed class ScheduleDesigner
{
    /// <summary>The optimizer's base rate a fresh designer shows.</summary>
    public const double DefaultLr = 0.01;

    /// <summary>The number of updates a fresh designer shows.</summary>
    public const int DefaultSteps = 100;

    /// <summary>Most updates the chart shows.</summary>
    public const int MaxSteps = 10_000;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Starts with the warm-up-then-cosine preset.</summary>
    public ScheduleDesigner() => ApplyPreset(SchedulePresets.WarmupCosine);

    /// <summary>The scheduler whose fields the form shows.</summary>
    public SchedulerForm Form { get; private set; } = SchedulerForms.All[0];

    /// <summary>The text in the spec box.</summary>
    public string SpecText { get; private set; } = string.Empty;

    /// <summary>The last schedule that parsed (what the chart and code show).</summary>
    public ParsedSchedule Current { get; private set; } = ScheduleSpec.Parse(SchedulePresets.WarmupCosine.Spec);

    /// <summary>The problem with the spec box or a field, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The 1-based column of <see cref="Error"/> in <see cref="SpecText"/>, when known.</summary>
    public int? ErrorColumn { get; private set; }

    /// <summary>A problem with a URL parameter that was replaced by a default.</summary>
    public string? UrlProblem { get; private set; }

    /// <summary>Set when the schedule ends before the asked number of updates (PyTorch refuses to step it further), so fewer are shown.</summary>
    public string? StepsNote { get; private set; }

    /// <summary>The optimizer's initial rate.</summary>
    public double BaseLr { get; private set; } = DefaultLr;

    /// <summary>Updates shown.</summary>
    public int Steps { get; private set; } = DefaultSteps;

    /// <summary>Logarithmic rate axis.</summary>
    public bool LogAxis { get; set; }

    /// <summary>The preset last applied (cleared by any edit).</summary>
    public string? Preset { get; private set; }

    /// <summary>The rate of every update 0 … <see cref="Steps"/> − 1.</summary>
    public double[] Rates { get; private set; } = [];

    /// <summary>A field's current text.</summary>
    public string Value(string field) => _values.TryGetValue(field, out var v) ? v : string.Empty;

    /// <summary>The canonical spec of <see cref="Current"/>.</summary>
    public string Spec => Current.ToSpec();

    /// <summary>PyTorch code that builds the shown schedule on an SGD optimizer with <see cref="BaseLr"/>.</summary>
    public string Python
    {
        get
        {
            var code = new StringBuilder()
                .Append("import torch\n\n")
                .Append("optimizer = torch.optim.SGD(model.parameters(), lr=").Append(Fmt(BaseLr)).Append(")\n")
                .Append(Current.ToPython()).Append('\n');
            code.Append(Form.NeedsLosses || Current.NeedsMetrics
                ? "# after each update (or epoch): scheduler.step(loss)\n"
                : "# after each optimizer.step(): scheduler.step()\n");
            return code.ToString();
        }
    }

    /// <summary>This designer's state as a relative URL (<c>schedules?schedule=…&amp;lr=…&amp;steps=…</c>).</summary>
    public string ShareUrl => $"schedules?schedule={Uri.EscapeDataString(Spec)}&lr={Uri.EscapeDataString(Fmt(BaseLr))}&steps={Steps.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The lab running this schedule on its current surface.</summary>
    public string LabUrl => $"lab?schedule={Uri.EscapeDataString(Spec)}&lr={Uri.EscapeDataString(Fmt(BaseLr))}&steps={Steps.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Switches the form to another scheduler with its starting values.</summary>
    public void Select(string className)
    {
        var form = SchedulerForms.Find(className) ?? throw new ArgumentException($"unknown scheduler {className}", nameof(className));
        Form = form;
        _values.Clear();
        foreach (var field in form.Fields)
        {
            _values[field.Name] = field.Start;
        }

        Preset = null;
        FromForm();
    }

    /// <summary>Changes one field and rewrites the spec from the form.</summary>
    public void SetField(string field, string text)
    {
        _values[field] = text?.Trim() ?? string.Empty;
        Preset = null;
        FromForm();
    }

    /// <summary>Takes a spec typed into the box: parses it and fills the form.</summary>
    public void SetSpec(string text)
    {
        SpecText = text ?? string.Empty;
        Preset = null;
        TryParse(SpecText, fillForm: true);
    }

    /// <summary>Sets the base rate (must be positive and finite).</summary>
    public void SetBaseLr(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v))
        {
            BaseLr = v;
            Error = null;
            Recompute();
        }
        else
        {
            Error = $"base rate: '{text}' is not a positive number";
            ErrorColumn = null;
        }
    }

    /// <summary>Sets the number of updates shown (1 … <see cref="MaxSteps"/>).</summary>
    public void SetSteps(string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= MaxSteps)
        {
            Steps = v;
            Error = null;
            Recompute();
        }
        else
        {
            Error = $"updates: '{text}' is not a whole number from 1 to {MaxSteps}";
            ErrorColumn = null;
        }
    }

    /// <summary>Loads a preset: its spec, base rate and length.</summary>
    public void ApplyPreset(SchedulePreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        BaseLr = preset.BaseLr;
        Steps = preset.Steps;
        if (TryParse(preset.Spec, fillForm: true))
        {
            SpecText = Current.ToSpec();
        }

        Preset = preset.Name;
    }

    /// <summary>
    /// Applies the URL's <c>schedule</c>, <c>lr</c> and <c>steps</c>; a bad value is reported in
    /// <see cref="UrlProblem"/> and replaced by the default.
    /// </summary>
    public void LoadUrl(string? schedule, string? lr, string? steps)
    {
        var problems = new List<string>();
        if (lr is not null)
        {
            if (Url.QueryReader.TryNumber(lr, out var v) && v > 0)
            {
                BaseLr = v;
            }
            else
            {
                problems.Add($"lr '{lr}' is not a positive number; using {Fmt(DefaultLr)}");
                BaseLr = DefaultLr;
            }
        }

        if (steps is not null)
        {
            if (Url.QueryReader.TryWhole(steps, out var v) && v is >= 1 and <= MaxSteps)
            {
                Steps = v;
            }
            else
            {
                problems.Add($"steps '{steps}' is not a whole number from 1 to {MaxSteps}; using {DefaultSteps}");
                Steps = DefaultSteps;
            }
        }

        string? stepsNote = null;
        if (schedule is not null && schedule != Spec)
        {
            try
            {
                ScheduleSpec.Parse(schedule);
                SetSpec(schedule);
                stepsNote = StepsNote;
            }
            catch (InputException e)
            {
                problems.Add($"schedule: {e.Message}; showing the default instead");
                var (keepLr, keepSteps) = (BaseLr, Steps);
                ApplyPreset(SchedulePresets.WarmupCosine);
                (BaseLr, Steps) = (keepLr, keepSteps);
            }
        }

        Recompute();
        if ((stepsNote ?? StepsNote) is { } note)
        {
            // The schedule shortened the chart (while it was set, or now); the link asked for more updates.
            StepsNote = note;
            problems.Add(note);
        }

        UrlProblem = problems.Count == 0 ? null : NoticeText.OneLine(string.Join(". ", problems) + ".");
    }

    /// <summary><c>step,lr</c> rows of the shown schedule.</summary>
    public string Csv()
    {
        var text = new StringBuilder("step,lr\n");
        for (var t = 0; t < Rates.Length; t++)
        {
            text.Append(t.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Rates[t].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The shown chart as a standalone SVG document.</summary>
    public string Svg() => SvgWriter.Write(Chart());

    /// <summary>The schedule's chart: what the page draws and what <see cref="Svg"/> writes.</summary>
    public Chart Chart() => Charts.Schedule(Spec, Rates, LogAxis);

    private void FromForm()
    {
        var args = new List<string>();
        foreach (var field in Form.Fields)
        {
            var text = Value(field.Name);
            if (text.Length == 0 || (field.Kind == FieldKind.Flag && text == field.Default))
            {
                continue;
            }

            args.Add(field.Name + "=" + (field.Kind == FieldKind.Choice ? "'" + text + "'" : text));
        }

        var spec = Form.ClassName + "(" + string.Join(", ", args) + ")";
        if (TryParse(spec, fillForm: false))
        {
            SpecText = Current.ToSpec();
        }
        else
        {
            SpecText = spec;
        }
    }

    private bool TryParse(string spec, bool fillForm)
    {
        try
        {
            var parsed = ScheduleSpec.Parse(spec);
            Current = parsed;
            Error = null;
            ErrorColumn = null;
            if (fillForm)
            {
                Fill(parsed);
            }

            Recompute();
            return true;
        }
        catch (InputException e)
        {
            Error = e.Message;
            ErrorColumn = e.Position;
            return false;
        }
    }

    private void Fill(ParsedSchedule parsed)
    {
        Form = SchedulerForms.Find(parsed.ClassName) ?? Form;
        _values.Clear();
        var given = ScheduleArguments.Of(parsed).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var field in Form.Fields)
        {
            _values[field.Name] = given.TryGetValue(field.Name, out var v)
                ? (field.Kind == FieldKind.Choice ? v.Trim('\'') : v)
                : field.Default;
        }
    }

    private void Recompute()
    {
        StepsNote = null;
        if (Current.LastStep is { } last && (long)last + 1 < Steps)
        {
            // Updates 0 … last have a rate; PyTorch raises on the scheduler step after that.
            StepsNote = string.Create(CultureInfo.InvariantCulture,
                $"steps: {Current.ClassName} cannot be stepped past step {last} (PyTorch raises there), so the chart shows updates 0–{last}, not {Steps} updates");
            Steps = last + 1;
        }

        var rates = new double[Steps];
        if (Current.Schedule is { } schedule)
        {
            for (var t = 0; t < rates.Length; t++)
            {
                rates[t] = schedule.At(t, BaseLr);
            }
        }
        else if (Current.MetricSchedule is { } metric)
        {
            // A loss-driven schedule has no rates of its own: show what it does on a noisy bowl with plain SGD.
            var run = Simulator.Run(
                SurfaceCatalog.Resolve("noisy-bowl"),
                OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = BaseLr }),
                new SimulationOptions { Steps = Steps, MetricSchedule = metric, BatchSize = 4 });
            for (var t = 0; t < rates.Length; t++)
            {
                rates[t] = t < run.Steps.Count ? run.Steps[t].Lr : double.NaN;
            }
        }

        Rates = rates;
    }

    private static string Fmt(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
