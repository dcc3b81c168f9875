namespace LrLab.Web.Learn;

/// <summary>
/// A "predict, then run" experiment: the student commits to one of <see cref="Choices"/>, then runs the engine and
/// the page compares. <see cref="Run"/> computes the outcome with Core when asked, so the answer is never typed in.
/// </summary>
public sealed record Prediction
{
    /// <summary>Stable id, unique in the course.</summary>
    public required string Id { get; init; }

    /// <summary>What to predict.</summary>
    public required string Prompt { get; init; }

    /// <summary>The possible predictions.</summary>
    public required IReadOnlyList<string> Choices { get; init; }

    /// <summary>Runs the experiment: which choice was right and what the engine measured. Null when a panel runs it.</summary>
    public Func<PredictionOutcome>? Run { get; init; }

    /// <summary>Label of the run button.</summary>
    public string RunLabel { get; init; } = "Run it";
}
