using System.Globalization;
using LrLab.Core.Schedules;

namespace LrLab.Web.Lab;

/// <summary>
/// The rate a lab run uses at each update when the slider moved mid-run: the base rate changes at the
/// recorded steps, and the optional schedule scales whichever base rate is current.
/// </summary>
public sealed class RateSegments(IReadOnlyList<(int From, double Lr)> segments, ILrSchedule? schedule) : ILrSchedule
{
    /// <summary>The base rate in force at an update.</summary>
    public double BaseAt(int step)
    {
        var lr = segments[0].Lr;
        foreach (var (from, rate) in segments)
        {
            if (step >= from)
            {
                lr = rate;
            }
        }

        return lr;
    }

    /// <inheritdoc />
    public int? LastStep => schedule?.LastStep;

    /// <inheritdoc />
    public double At(int step, double baseLr)
    {
        var b = BaseAt(step);
        return schedule?.At(step, b) ?? b;
    }

    /// <inheritdoc />
    public string ToSpec() => schedule?.ToSpec() ?? "ConstantLR(factor=1.0, total_iters=0)";

    /// <inheritdoc />
    public string ToPython() => schedule?.ToPython() ?? string.Create(CultureInfo.InvariantCulture, $"# constant rate {segments[^1].Lr}");
}
