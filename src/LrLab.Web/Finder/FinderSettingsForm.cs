using System.Globalization;

namespace LrLab.Web.Finder;

/// <summary>
/// The settings form of the finder page without the page: keeps what the user typed in each box, checks
/// it, and keeps <see cref="Settings"/> at the last valid values. A bad value gives a one-line message for
/// its box (naming the setting and saying which value the test uses instead); it never throws.
/// </summary>
public sealed class FinderSettingsForm
{
    private static readonly FinderField[] _fields = Enum.GetValues<FinderField>();
    private readonly Dictionary<FinderField, string> _texts = [];
    private readonly Dictionary<FinderField, string> _errors = [];

    /// <summary>A form showing <paramref name="settings"/> (assumed valid, e.g. from <see cref="FinderUrl.Parse"/>).</summary>
    public FinderSettingsForm(FinderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        foreach (var field in _fields)
        {
            _texts[field] = Show(field, settings);
        }
    }

    /// <summary>The last valid settings: what the next range test runs with.</summary>
    public FinderSettings Settings { get; private set; }

    /// <summary>True while any box holds a value that is not used.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>What the box of <paramref name="field"/> shows (the user's text, valid or not).</summary>
    public string Text(FinderField field) => _texts[field];

    /// <summary>The message for <paramref name="field"/>, or null when its value is in use.</summary>
    public string? Error(FinderField field) => _errors.GetValueOrDefault(field);

    /// <summary>The label of a field on the page (and in its messages).</summary>
    public static string Label(FinderField field) => field switch
    {
        FinderField.StartLr => "Start rate",
        FinderField.EndLr => "End rate",
        FinderField.Iterations => "Mini-batches",
        FinderField.Mode => "Ramp",
        FinderField.BatchSize => "Batch size",
        _ => "Seed",
    };

    /// <summary>The accepted values of a field, in words.</summary>
    public static string Limits(FinderField field) => field switch
    {
        FinderField.StartLr or FinderField.EndLr => $"a rate from {FinderSettings.Compact(FinderSettings.MinLr)} to {FinderSettings.Compact(FinderSettings.MaxLr)}",
        FinderField.Iterations => Invariant($"a whole number from {FinderSettings.MinIterations} to {FinderSettings.MaxIterations}"),
        FinderField.Mode => "exp or linear",
        FinderField.BatchSize => Invariant($"a whole number from 1 to {FinderSettings.MaxBatchSize}"),
        _ => Invariant($"a whole number from 0 to {int.MaxValue}"),
    };

    /// <summary>Picks the optimizer (from the list, so always valid).</summary>
    public void SetOptimizer(string optimizer) => Settings = Settings with { Optimizer = optimizer };

    /// <summary>
    /// Takes what the user entered in <paramref name="field"/>. Every box is checked again, so fixing the end
    /// rate can make a start rate that was waiting for it valid. Returns true when <see cref="Settings"/> changed.
    /// </summary>
    public bool Set(FinderField field, string? text)
    {
        _texts[field] = text ?? string.Empty;
        _errors.Clear();
        var candidate = Settings;
        foreach (var f in _fields)
        {
            candidate = Apply(f, candidate);
        }

        // The start must stay below the end. Blame the box just edited first, then whichever other one differs.
        foreach (var f in new[] { field, FinderField.StartLr, FinderField.EndLr }.Distinct())
        {
            if (candidate.StartLr < candidate.EndLr)
            {
                break;
            }

            if (f == FinderField.StartLr && candidate.StartLr != Settings.StartLr)
            {
                _errors[f] = Invariant($"{Label(f)}: {Quote(_texts[f])} is not below the end rate ({FinderSettings.Compact(candidate.EndLr)}); the test uses {FinderSettings.Compact(Settings.StartLr)}.");
                candidate = candidate with { StartLr = Settings.StartLr };
            }
            else if (f == FinderField.EndLr && candidate.EndLr != Settings.EndLr)
            {
                _errors[f] = Invariant($"{Label(f)}: {Quote(_texts[f])} is not above the start rate ({FinderSettings.Compact(candidate.StartLr)}); the test uses {FinderSettings.Compact(Settings.EndLr)}.");
                candidate = candidate with { EndLr = Settings.EndLr };
            }
        }

        var changed = candidate != Settings;
        Settings = candidate;
        return changed;
    }

    private FinderSettings Apply(FinderField field, FinderSettings candidate)
    {
        var text = _texts[field];
        FinderSettings? next = field switch
        {
            FinderField.StartLr => FinderSettings.ParseRate(text) is { } v ? candidate with { StartLr = v } : null,
            FinderField.EndLr => FinderSettings.ParseRate(text) is { } v ? candidate with { EndLr = v } : null,
            FinderField.Iterations => FinderSettings.ParseWhole(text, FinderSettings.MinIterations, FinderSettings.MaxIterations) is { } n ? candidate with { Iterations = n } : null,
            FinderField.Mode => FinderSettings.ParseMode(text) is { } m ? candidate with { Mode = m } : null,
            FinderField.BatchSize => FinderSettings.ParseWhole(text, 1, FinderSettings.MaxBatchSize) is { } n ? candidate with { BatchSize = n } : null,
            _ => FinderSettings.ParseWhole(text, 0, int.MaxValue) is { } n ? candidate with { Seed = n } : null,
        };
        if (next is null)
        {
            _errors[field] = $"{Label(field)}: {Quote(text)} is not {Limits(field)}; the test uses {Show(field, Settings)}.";
            return candidate;
        }

        return next;
    }

    private static string Show(FinderField field, FinderSettings settings) => field switch
    {
        FinderField.StartLr => FinderSettings.Compact(settings.StartLr),
        FinderField.EndLr => FinderSettings.Compact(settings.EndLr),
        FinderField.Iterations => settings.Iterations.ToString(CultureInfo.InvariantCulture),
        FinderField.Mode => FinderSettings.ModeName(settings.Mode),
        FinderField.BatchSize => settings.BatchSize.ToString(CultureInfo.InvariantCulture),
        _ => settings.Seed.ToString(CultureInfo.InvariantCulture),
    };

    private static string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "an empty box" : "'" + (trimmed.Length > 24 ? trimmed[..24] + "…" : trimmed) + "'";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
