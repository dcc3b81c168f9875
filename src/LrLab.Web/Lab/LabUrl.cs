using System.Globalization;
using System.Text;
using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>
/// Reads and writes the lab's query string. Parsing never throws: each bad value becomes a notice
/// naming the parameter, and the default takes its place.
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
        var values = Split(query);
        var notices = new List<string>();
        var state = new LabState();

        if (values.TryGetValue("surface", out var surfaceText))
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

        if (values.TryGetValue("optimizer", out var opt))
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

        var explicitLr = Number(values, "lr", MinLr, MaxLr, notices);
        if (explicitLr is { } lr)
        {
            state = state with { Lr = lr };
        }

        state = state with
        {
            Momentum = Number(values, "momentum", 0, 0.999999, notices),
            Beta1 = Number(values, "beta1", 0, 0.999999, notices),
            Beta2 = Number(values, "beta2", 0, 0.999999999, notices),
            Eps = Number(values, "eps", 0, 1, notices),
            WeightDecay = Number(values, "weight_decay", 0, 10, notices),
            Alpha = Number(values, "alpha", 0, 1, notices),
            Nesterov = Flag(values, "nesterov", notices),
            Centered = Flag(values, "centered", notices),
            Shrink = Number(values, "shrink", 0.01, 0.99, notices),
            ArmijoC = Number(values, "c", 1e-12, 0.99, notices),
        };

        if (Integer(values, "steps", 1, LabState.MaxSteps, notices) is { } steps)
        {
            state = state with { Steps = steps };
        }

        state = state with
        {
            Batch = Integer(values, "batch", 1, 4096, notices),
            Seed = Integer(values, "seed", 0, int.MaxValue, notices),
        };

        if (values.TryGetValue("start", out var startText))
        {
            var dimension = TryResolve(state.Surface, out var s, out _) ? s.Dimension : 2;
            var parts = startText.Split(',', StringSplitOptions.TrimEntries);
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= 1e6 ? v : double.NaN).ToArray();
            if (numbers.Length != dimension || numbers.Any(double.IsNaN))
            {
                notices.Add($"start: '{startText}' is not {dimension} finite number(s) separated by commas. Using the surface's default start.");
            }
            else
            {
                state = state with { Start = numbers };
            }
        }

        if (values.TryGetValue("schedule", out var spec) && spec.Trim().Length > 0)
        {
            try
            {
                var parsed = ScheduleSpec.Parse(spec);
                if (parsed.MetricSchedule is not null && LabSimulation.IsLineSearch(state.Optimizer))
                {
                    notices.Add("schedule: ReduceLROnPlateau cannot drive a line search (the search picks its own step lengths). Using a constant first trial step.");
                }
                else
                {
                    state = state with { Schedule = parsed.ToSpec() };
                }
            }
            catch (InputException e)
            {
                notices.Add($"schedule: {e.Message}. Using a constant rate.");
            }
        }

        if (values.TryGetValue("compare", out var compareText))
        {
            var rates = new List<double>();
            foreach (var part in compareText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r >= MinLr && r <= MaxLr)
                {
                    if (!rates.Any(x => SameRate(x, r)))
                    {
                        rates.Add(r);
                    }
                }
                else
                {
                    notices.Add($"compare: '{part}' is not a rate between {Format(MinLr)} and {Format(MaxLr)}; left out.");
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

        if (values.TryGetValue("race", out var raceText))
        {
            state = ParseRace(state, raceText, explicitLr, notices);
        }

        return (Consistent(state, notices), notices);
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

    // race=sgd:0.03,adam:0.1: each entry an optimizer and its rate; a bad entry is named in a notice and left out. With
    // race, compare is ignored; lr picks the selected run (and joins the race with the form's optimizer when no entry
    // has that rate). A race whose runs all use the form's optimizer is an ordinary compare.
    private static LabState ParseRace(LabState state, string text, double? explicitLr, List<string> notices)
    {
        var plateau = state.Schedule is { } spec && ScheduleSpec.Parse(spec).MetricSchedule is not null;
        var entries = new List<RaceEntry>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? null : LabSimulation.Names.FirstOrDefault(n => string.Equals(n, part[..colon].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                notices.Add($"race: '{part}' does not start with a known optimizer and a colon (e.g. adam:0.1; optimizers: {string.Join(", ", LabSimulation.Names)}); left out.");
                continue;
            }

            if (!double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var lr) || lr < MinLr || lr > MaxLr)
            {
                notices.Add($"race: '{part}' does not end in a rate between {Format(MinLr)} and {Format(MaxLr)}; left out.");
                continue;
            }

            if (plateau && LabSimulation.IsLineSearch(name))
            {
                notices.Add($"race: '{part}' left out: ReduceLROnPlateau cannot drive a line search.");
                continue;
            }

            var entry = new RaceEntry(name, lr);
            if (!entries.Any(e => e.Same(entry)))
            {
                entries.Add(entry);
            }
        }

        if (explicitLr is { } l && entries.Count > 0 && !entries.Any(e => SameRate(e.Lr, l)))
        {
            entries.Insert(0, new RaceEntry(state.Optimizer, l));
        }

        if (entries.Count > LabState.MaxRuns)
        {
            notices.Add($"race: at most {LabState.MaxRuns} runs race at once; the rest are left out.");
            entries.RemoveRange(LabState.MaxRuns, entries.Count - LabState.MaxRuns);
        }

        if (entries.Count == 0)
        {
            return state;
        }

        var lrOf = explicitLr is { } x && entries.Any(e => SameRate(e.Lr, x)) ? x : entries[0].Lr;
        if (entries.All(e => e.Optimizer == state.Optimizer))
        {
            return state with { Lr = lrOf, Compare = entries.Count > 1 ? [.. entries.Select(e => e.Lr)] : [], Race = [] };
        }

        return state with { Lr = lrOf, Compare = [], Race = entries };
    }

    private static Dictionary<string, string> Split(string? query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(query))
        {
            return values;
        }

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            values[key] = value;
        }

        return values;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static double? Number(Dictionary<string, string> values, string key, double min, double max, List<string> notices)
    {
        if (!values.TryGetValue(key, out var text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        notices.Add($"{key}: '{text}' is not a number between {Format(min)} and {Format(max)}. Using the default.");
        return null;
    }

    private static int? Integer(Dictionary<string, string> values, string key, int min, int max, List<string> notices)
    {
        if (!values.TryGetValue(key, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        notices.Add($"{key}: '{text}' is not a whole number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}. Using the default.");
        return null;
    }

    private static bool Flag(Dictionary<string, string> values, string key, List<string> notices)
    {
        if (!values.TryGetValue(key, out var text))
        {
            return false;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "" or "1" or "TRUE" or "YES":
                return true;
            case "0" or "FALSE" or "NO":
                return false;
            default:
                notices.Add($"{key}: '{text}' is not true or false. Using false.");
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
