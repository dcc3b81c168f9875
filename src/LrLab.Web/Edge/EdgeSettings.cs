using System.Globalization;

namespace LrLab.Web.Edge;

/// <summary>
/// What the /edge page trains: full-batch gradient descent at 2–3 rates on the first <see cref="Samples"/> training
/// digits for <see cref="Steps"/> steps. The browser runs .NET on the Mono interpreter, tens of times slower than the
/// CLI, so the page uses a smaller network (784-<see cref="Hidden"/>-10) and fewer digits than docs/edge.md's
/// native runs (784-128-10 on 2,000 digits); the default run fits in about half a minute.
/// </summary>
public sealed record EdgeSettings
{
    /// <summary>Hidden units of the browser's network.</summary>
    public const int Hidden = 16;

    /// <summary>Sharpness measured every this many steps (and at the start).</summary>
    public const int SharpnessEvery = 5;

    /// <summary>
    /// Relative residual bound at which a browser measurement stops: 1 %, looser than the CLI's 0.1 % to save
    /// products; the Ritz value's error is bounded by it and in practice far smaller.
    /// </summary>
    public const double SharpnessTolerance = 1e-2;

    /// <summary>Seed of the initial weights (the same for every rate, so only the rate differs).</summary>
    public const int Seed = 0;

    /// <summary>Default rates: one that sharpens up to its 2/η, and two whose 2/η the sharpness overshoots first.</summary>
    public static IReadOnlyList<double> DefaultRates { get; } = [0.25, 0.5, 1.0];

    /// <summary>Default number of digits.</summary>
    public const int DefaultSamples = 500;

    /// <summary>Default number of steps.</summary>
    public const int DefaultSteps = 100;

    /// <summary>Fewest and most rates raced together.</summary>
    public const int MinRates = 1, MaxRates = 3;

    /// <summary>Smallest and largest accepted rate.</summary>
    public const double MinRate = 0.001, MaxRate = 10;

    /// <summary>Accepted digits.</summary>
    public const int MinSamples = 50, MaxSamples = 2000;

    /// <summary>Accepted steps.</summary>
    public const int MinSteps = 10, MaxSteps = 1000;

    /// <summary>The rates, in the order given.</summary>
    public IReadOnlyList<double> Rates { get; init; } = DefaultRates;

    /// <summary>Training digits (the first this many).</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Full-batch steps per rate.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>The rates as the URL and the form write them, e.g. <c>0.25,0.5,1</c>.</summary>
    public string RatesText => string.Join(",", Rates.Select(Rate));

    /// <summary>A rate as text, shortest round trip.</summary>
    public static string Rate(double lr) => lr.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Same settings (records compare lists by reference).</summary>
    public bool SameAs(EdgeSettings other) =>
        other is not null && Samples == other.Samples && Steps == other.Steps && Rates.SequenceEqual(other.Rates);

    /// <summary>Parses <c>0.25,0.5,1</c>; null with the reason when it is not 1–3 rates in range.</summary>
    public static (IReadOnlyList<double>? Rates, string? Problem) ParseRates(string? text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < MinRates or > MaxRates)
        {
            return (null, $"give {MinRates} to {MaxRates} rates separated by commas");
        }

        var rates = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var lr) || !double.IsFinite(lr) || lr < MinRate || lr > MaxRate)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"'{Short(parts[i])}' is not a rate from {MinRate} to {MaxRate}"));
            }

            rates[i] = lr;
        }

        return (rates, null);
    }

    /// <summary>A whole number in [min, max], or null.</summary>
    public static int? ParseWhole(string? text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    private static string Short(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
