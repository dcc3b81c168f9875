using System.Globalization;
using LrLab.Core.Finder;
using LrLab.Core.Training;

namespace LrLab.Web.Finder;

/// <summary>
/// What the finder page's range test runs with: the optimizer, the ramp (<c>lrlab find</c>'s
/// <c>--start-lr</c>, <c>--end-lr</c>, <c>--num-iter</c>, <c>--mode</c>), the batch size and the seed.
/// The defaults are the CLI's; the limits keep a test in the browser sensible.
/// </summary>
public sealed record FinderSettings
{
    /// <summary>Lowest start or end rate the page accepts.</summary>
    public const double MinLr = 1e-10;

    /// <summary>Highest start or end rate the page accepts.</summary>
    public const double MaxLr = 100;

    /// <summary>Fewest mini-batches of a test (fewer leave too little curve to analyse).</summary>
    public const int MinIterations = 10;

    /// <summary>Most mini-batches of a test in the browser.</summary>
    public const int MaxIterations = 1000;

    /// <summary>Largest mini-batch the page accepts.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>Optimizer when none is chosen.</summary>
    public const string DefaultOptimizer = "sgd";

    /// <summary>Start rate when none is chosen (Core's, as the CLI's).</summary>
    public const double DefaultStartLr = RangeTestOptions.DefaultStartLr;

    /// <summary>End rate when none is chosen (Core's, as the CLI's).</summary>
    public const double DefaultEndLr = RangeTestOptions.DefaultEndLr;

    /// <summary>Mini-batches when none are chosen (Core's, as the CLI's).</summary>
    public const int DefaultIterations = RangeTestOptions.DefaultNumIter;

    /// <summary>Batch size when none is chosen (the network's, as the CLI's).</summary>
    public const int DefaultBatchSize = TrainingOptions.DefaultBatchSize;

    /// <summary>Optimizer name (factory name, e.g. <c>sgd</c>).</summary>
    public string Optimizer { get; init; } = DefaultOptimizer;

    /// <summary>Rate of the first mini-batch.</summary>
    public double StartLr { get; init; } = DefaultStartLr;

    /// <summary>Rate of the last mini-batch.</summary>
    public double EndLr { get; init; } = DefaultEndLr;

    /// <summary>Mini-batches, one rate each.</summary>
    public int Iterations { get; init; } = DefaultIterations;

    /// <summary>Geometric or linear ramp.</summary>
    public RangeTestMode Mode { get; init; } = RangeTestMode.Exponential;

    /// <summary>Digits per mini-batch.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Seed of the network's initial weights and of its batch order.</summary>
    public int Seed { get; init; }

    /// <summary>Core's range-test options for these settings (smoothing 0.98 and the 4× stop, as the CLI on the network).</summary>
    public RangeTestOptions ToOptions() => new() { StartLr = StartLr, EndLr = EndLr, NumIter = Iterations, Mode = Mode };

    /// <summary>The settings in a few words, e.g. "10⁻⁷ → 10, 100 mini-batches, exponential, batch 64, seed 0", optionally led by the optimizer.</summary>
    public string Describe(bool withOptimizer = false) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(withOptimizer ? Optimizer + ", " : string.Empty)}{Pretty(StartLr)} → {Pretty(EndLr)}, {Iterations} mini-batches, {(Mode == RangeTestMode.Exponential ? "exponential" : "linear")}, batch {BatchSize}, seed {Seed}");

    /// <summary>The mode as the URL and the CLI spell it: <c>exp</c> or <c>linear</c>.</summary>
    public static string ModeName(RangeTestMode mode) => mode == RangeTestMode.Linear ? "linear" : "exp";

    /// <summary>Reads <c>exp</c>/<c>exponential</c> or <c>linear</c> (any case); null for anything else.</summary>
    public static RangeTestMode? ParseMode(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "EXP" or "EXPONENTIAL" => RangeTestMode.Exponential,
        "LINEAR" or "LIN" => RangeTestMode.Linear,
        _ => null,
    };

    /// <summary>A rate as a person reads it: powers of ten as 10⁻⁷, others in 3 significant digits.</summary>
    public static string Pretty(double lr)
    {
        var exponent = Math.Round(Math.Log10(lr));
        if (lr > 0 && Math.Abs(exponent) >= 3 && Math.Abs(lr / Math.Pow(10, exponent) - 1) < 1e-9)
        {
            return "10" + Superscript((int)exponent);
        }

        return FinderCharts.Rate(lr);
    }

    /// <summary>A number for the URL and the input boxes: the shortest text that reads back to it (<c>1e-7</c>, <c>0.003</c>).</summary>
    public static string Compact(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..e] + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A rate typed by a person or read from the URL, if it is a number in [<see cref="MinLr"/>, <see cref="MaxLr"/>].</summary>
    public static double? ParseRate(string? text) =>
        Url.QueryReader.TryNumber(text, out var value) && value >= MinLr && value <= MaxLr ? value : null;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or null.</summary>
    public static int? ParseWhole(string? text, int min, int max) =>
        Url.QueryReader.TryWhole(text, out var value) && value >= min && value <= max ? value : null;

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return (exponent < 0 ? "⁻" : string.Empty) + string.Concat(text.Select(c => digits[c - '0']));
    }
}
