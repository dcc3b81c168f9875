using System.Globalization;
using System.Text;
using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Url;

namespace LrLab.Web.Lab;

/// <summary>
/// Reads and writes the lab's query string through the site's one <see cref="QueryReader"/>. Parsing never throws:
/// each bad value becomes a notice naming the parameter, and the default takes its place.
/// </summary>
public static class LabUrl
{
    /// <summary>Lowest rate the lab accepts.</summary>
    public const double MinLr = 1e-8;

    /// <summary>Highest rate the lab accepts.</summary>
    public const double MaxLr = 100;

    /// <summary>Parse a query string ("?a=1&amp;b=2" or "a=1&amp;b=2").</summary>
    public static (LabState State, IReadOnlyList<string> Notices) Parse(string? query)
    {
        var values = QueryReader.Parse(query);
        var notices = new List<string>();
        var state = new LabState();

        if (values.TryGet("surface", out var surfaceText))
        {
            if (TryResolve(surfaceText, out var surface, out var error))
            {
                state = state with { Surface = surface.Name };
            }
            else
            {
                notices.Add($"surface: {error} Showing the bowl instead.");
            }
        }

        if (values.TryGet("optimizer", out var opt))
        {
            var known = LabSimulation.Names.FirstOrDefault(n => string.Equals(n, opt.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                notices.Add($"optimizer: unknown '{opt}' (valid: {string.Join(", ", LabSimulation.Names)}). Using sgd.");
            }
            else
            {
                state = state with { Optimizer = known };
            }
        }

        var explicitLr = values.Number("lr", MinLr, MaxLr, notices);
        if (explicitLr is { } lr)
        {
            state = state with { Lr = lr };
        }

        state = state with
        {
            Momentum = values.Number("momentum", 0, 0.999999, notices),
            Beta1 = values.Number("beta1", 0, 0.999999, notices),
            Beta2 = values.Number("beta2", 0, 0.999999999, notices),
            Eps = values.Number("eps", 0, 1, notices),
            WeightDecay = values.Number("weight_decay", 0, 10, notices),
            Alpha = values.Number("alpha", 0, 1, notices),
            Nesterov = values.Flag("nesterov", notices),
            Centered = values.Flag("centered", notices),
            Shrink = values.Number("shrink", 0.01, 0.99, notices),
            ArmijoC = values.Number("c", 1e-12, 0.99, notices),
        };

        if (values.Whole("steps", 1, LabState.MaxSteps, notices) is { } steps)
        {
            state = state with { Steps = steps };
        }

        state = state with
        {
            Batch = values.Whole("batch", 1, 4096, notices),
            Seed = values.Whole("seed", 0, int.MaxValue, notices),
        };

        if (values.TryGet("start", out var startText))
        {
            var dimension = TryResolve(state.Surface, out var s, out _) ? s.Dimension : 2;
            var parts = startText.Split(',', StringSplitOptions.TrimEntries);
            var numbers = parts.Select(p => QueryReader.TryNumber(p, out var v) && Math.Abs(v) <= 1e6 ? v : double.NaN).ToArray();
            if (numbers.Length != dimension || numbers.Any(double.IsNaN))
            {
                notices.Add($"start: '{QueryReader.Shorten(startText)}' is not {dimension} finite number(s) separated by commas. Using the surface's default start.");
            }
            else
            {
                state = state with { Start = numbers };
            }
        }

        if (values.TryGet("schedule", out var spec) && spec.Trim().Length > 0)
        {
            try
            {
                var parsed = ScheduleSpec.Parse(spec);
                if (parsed.MetricSchedule is not null && !StepRules.AcceptsMetricSchedule(state.Optimizer))
                {
                    notices.Add("schedule: ReduceLROnPlateau cannot drive a line search (the search picks its own step lengths). Using a constant first trial step.");
                }
                else
                {
                    state = state with { Schedule = parsed.ToSpec() };
                    if (LabSetup.UpdatesAllowed(parsed, state.Steps) is var allowed && allowed < state.Steps)
                    {
                        notices.Add(string.Create(CultureInfo.InvariantCulture,
                            $"steps: {parsed.ClassName} cannot be stepped past step {parsed.LastStep} (PyTorch raises there), so the runs take {allowed} steps, not {state.Steps}."));
                        state = state with { Steps = allowed };
                    }
                }
            }
            catch (InputException e)
            {
                notices.Add($"schedule: {e.Message}. Using a constant rate.");
            }
        }

        if (values.TryGet("compare", out var compareText))
        {
            var rates = new List<double>();
            foreach (var part in compareText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (QueryReader.TryNumber(part, out var r) && r >= MinLr && r <= MaxLr)
                {
                    if (!rates.Any(x => SameRate(x, r)))
                    {
                        rates.Add(r);
                    }
                }
                else
                {
                    notices.Add($"compare: '{QueryReader.Shorten(part)}' is not a rate between {Format(MinLr)} and {Format(MaxLr)}; left out.");
                }
            }

            if (explicitLr is { } l && rates.Count > 0 && !rates.Any(x => SameRate(x, l)))
            {
                rates.Insert(0, l);
            }

            if (rates.Count > LabState.MaxRuns)
            {
                notices.Add($"compare: at most {LabState.MaxRuns} rates race at once; the rest are left out.");
                rates.RemoveRange(LabState.MaxRuns, rates.Count - LabState.MaxRuns);
            }

            if (rates.Count > 0)
            {
                state = state with { Compare = rates, Lr = explicitLr is { } e && rates.Any(x => SameRate(x, e)) ? e : rates[0] };
            }
        }

        if (values.TryGet("race", out var raceText))
        {
            state = RaceUrl.Parse(state, raceText, explicitLr, notices);
        }

        var consistent = Consistent(state, notices);
        return (consistent, NoticeText.OneLine(notices));
    }

    /// <summary>
    /// Values that are each in range can still contradict each other (nesterov without momentum): the optimizer's own
    /// check decides, and a combination it refuses falls back to PyTorch's defaults with a notice.
    /// </summary>
    private static LabState Consistent(LabState state, List<string> notices)
    {
        if (LabSimulation.IsLineSearch(state.Optimizer))
        {
            return state;
        }

        try
        {
            OptimizerFactory.Create(state.Optimizer, LabSetup.OptionsFor(state));
            return state;
        }
        catch (InputException e)
        {
            notices.Add($"{state.Optimizer} settings: {ParameterNames.Say(e)}. Using PyTorch's defaults for them.");
            return state with { Momentum = null, Beta1 = null, Beta2 = null, Eps = null, WeightDecay = null, Alpha = null, Nesterov = false, Centered = false };
        }
    }

    /// <summary>The query string (with the leading '?') that reproduces this state.</summary>
    public static string Serialize(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sb = new StringBuilder();
        Add(sb, "surface", state.Surface);
        Add(sb, "optimizer", state.Optimizer);
        Add(sb, "lr", Format(state.Lr));
        if (state.Race.Count > 0)
        {
            // Colons may stay unescaped in a query: sgd:0.03 reads better than sgd%3A0.03.
            Add(sb, "race", string.Join(",", state.Race), keepColons: true);
        }
        else if (state.Compare.Count > 1)
        {
            Add(sb, "compare", string.Join(",", state.Compare.Select(Format)));
        }

        AddNumber(sb, "momentum", state.Momentum);
        if (state.Nesterov)
        {
            Add(sb, "nesterov", "true");
        }

        AddNumber(sb, "beta1", state.Beta1);
        AddNumber(sb, "beta2", state.Beta2);
        AddNumber(sb, "eps", state.Eps);
        AddNumber(sb, "weight_decay", state.WeightDecay);
        AddNumber(sb, "alpha", state.Alpha);
        if (state.Centered)
        {
            Add(sb, "centered", "true");
        }

        AddNumber(sb, "shrink", state.Shrink);
        AddNumber(sb, "c", state.ArmijoC);
        if (state.Steps != LabState.DefaultSteps)
        {
            Add(sb, "steps", state.Steps.ToString(CultureInfo.InvariantCulture));
        }

        if (state.Start is { } start)
        {
            Add(sb, "start", string.Join(",", start.Select(Format)));
        }

        if (state.Schedule is { } schedule)
        {
            Add(sb, "schedule", schedule);
        }

        if (state.Batch is { } batch)
        {
            Add(sb, "batch", batch.ToString(CultureInfo.InvariantCulture));
        }

        if (state.Seed is { } seed)
        {
            Add(sb, "seed", seed.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Shortest round-trip text of a number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Whether two rates are the same for racing purposes.</summary>
    public static bool SameRate(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Resolve a surface name or formula; the error text carries the column.</summary>
    public static bool TryResolve(string text, out Surface surface, out string error)
    {
        try
        {
            surface = SurfaceCatalog.Resolve(text);
            error = string.Empty;
            return true;
        }
        catch (InputException e)
        {
            surface = SurfaceCatalog.BuiltIns[1];
            error = $"'{text}' is not a built-in surface or a valid formula: {e.Message}" + (e.Message.EndsWith('.') ? string.Empty : ".");
            return false;
        }
    }

    private static void Add(StringBuilder sb, string key, string value, bool keepColons = false)
    {
        var escaped = Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal);
        sb.Append(sb.Length == 0 ? '?' : '&').Append(key).Append('=').Append(keepColons ? escaped.Replace("%3A", ":", StringComparison.Ordinal) : escaped);
    }

    private static void AddNumber(StringBuilder sb, string key, double? value)
    {
        if (value is { } v)
        {
            Add(sb, key, Format(v));
        }
    }
}
