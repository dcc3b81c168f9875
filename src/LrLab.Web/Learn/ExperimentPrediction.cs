using LrLab.Core;

namespace LrLab.Web.Learn;

/// <summary>
/// "Predict, then run": a question the student answers before running an experiment, and the rule that reads the
/// run's actual outcome as one of the same choices, so the page can compare the two with the engine's numbers.
/// </summary>
/// <param name="Question">What to predict, e.g. "What will w do at α = 1.5?".</param>
/// <param name="Choices">The possible outcomes, in words.</param>
/// <param name="Outcome">Which choice the observed run turned out to be (an index into <paramref name="Choices"/>).</param>
public sealed record ExperimentPrediction(string Question, IReadOnlyList<string> Choices, Func<LabObservation, int> Outcome)
{
    /// <summary>The usual three outcomes of a run on a quadratic, in the order of <see cref="ByRegime"/>.</summary>
    public static IReadOnlyList<string> Regimes { get; } =
    [
        "It converges without crossing the minimum",
        "It zig-zags across the minimum but settles",
        "It never settles: it bounces forever or blows up",
    ];

    /// <summary>Reads a run as one of <see cref="Regimes"/>: smooth or crawling, oscillating but converging, or neither.</summary>
    public static int ByRegime(LabObservation seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return seen switch
        {
            { Verdict: Verdict.TooLarge } or { Pattern: Pattern.Diverging or Pattern.Nan } => 2,
            { Pattern: Pattern.Oscillating } => 1,
            _ => 0,
        };
    }

    /// <summary>Yes (0) when the run converged within its steps, no (1) otherwise.</summary>
    public static int ByConvergence(LabObservation seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return seen.StepsToConverge is null ? 1 : 0;
    }

    /// <summary>The page's comparison: what was predicted, what happened, and whether they agree.</summary>
    public string Compare(int predicted, LabObservation seen)
    {
        var actual = Outcome(seen);
        var said = predicted >= 0 && predicted < Choices.Count ? Choices[predicted] : "nothing";
        return actual == predicted
            ? $"You predicted “{said}”, and that is what happened."
            : $"You predicted “{said}”, but the run shows “{Choices[actual]}”.";
    }
}
