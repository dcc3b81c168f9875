using System.Globalization;
using LrLab.Web.Components;

namespace LrLab.Web.Learn;

/// <summary>
/// A guided experiment: an instruction, the run that satisfies it, and a confirmation that quotes what the widget saw.
/// </summary>
public sealed record Experiment
{
    /// <summary>Stable id, unique within the lesson.</summary>
    public required string Id { get; init; }

    /// <summary>What to do, e.g. "Set the rate to 0.001 and count the steps".</summary>
    public required string Instruction { get; init; }

    /// <summary>Lowest base rate that counts (inclusive).</summary>
    public required double LrMin { get; init; }

    /// <summary>Highest base rate that counts (inclusive).</summary>
    public required double LrMax { get; init; }

    /// <summary>Surface the run must use, or null for any.</summary>
    public string? Surface { get; init; }

    /// <summary>Optimizer the run must use, or null for any.</summary>
    public string? Optimizer { get; init; }

    /// <summary>Batch size the run must use, or null for any.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Schedule preset the run must use: null for any, "" for a constant rate.</summary>
    public string? Schedule { get; init; }

    /// <summary>A prediction the student commits to before the run counts, or null for a plain experiment.</summary>
    public ExperimentPrediction? Predict { get; init; }

    /// <summary>What the observation means; shown after the measured facts.</summary>
    public required string Lesson { get; init; }

    /// <summary>Whether the run <paramref name="seen"/> does what the instruction asks.</summary>
    public bool IsSatisfiedBy(LabObservation seen) =>
        seen.Lr >= LrMin * (1 - 1e-9) && seen.Lr <= LrMax * (1 + 1e-9)
        && (Surface is null || Surface == seen.Surface)
        && (Optimizer is null || Optimizer == seen.Optimizer)
        && (BatchSize is null || BatchSize == seen.BatchSize)
        && (Schedule is null || Schedule == (seen.Schedule ?? string.Empty));

    /// <summary>The confirmation: the numbers the widget measured, the prediction compared with them, then what they mean.</summary>
    public string Confirm(LabObservation seen, int? predicted = null) =>
        Predict is not null && predicted is { } p
            ? $"{Describe(seen)} {Predict.Compare(p, seen)} {Lesson}"
            : $"{Describe(seen)} {Lesson}";

    /// <summary>One sentence with the run's rate, verdict and step count.</summary>
    public static string Describe(LabObservation seen)
    {
        var inv = CultureInfo.InvariantCulture;
        var verdict = VerdictText.Describe(seen.Verdict, seen.Pattern);
        var where = string.Create(inv, $"You ran {seen.Optimizer} at {seen.Lr:G4} on the {seen.Surface}");
        if (seen.BatchSize > 1)
        {
            where += string.Create(inv, $" with batch {seen.BatchSize}");
        }

        if (!string.IsNullOrEmpty(seen.Schedule))
        {
            where += $" with the {seen.Schedule} schedule";
        }

        string steps;
        if (seen.StepsToConverge is { } n)
        {
            steps = string.Create(inv, $"it converged after {n} steps");
        }
        else if (seen.EstimatedStepsToConverge is { } estimate)
        {
            steps = string.Create(inv, $"it had not converged after {seen.Steps} steps; at that pace it would need about {estimate}");
        }
        else
        {
            steps = string.Create(inv, $"it did not converge in {seen.Steps} steps");
        }

        return $"{where}: {verdict}, {steps}.";
    }
}
