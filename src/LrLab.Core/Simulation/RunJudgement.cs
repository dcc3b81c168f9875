namespace LrLab.Core.Simulation;

/// <summary>What <see cref="RunClassifier"/> concludes about one run (the <see cref="Trajectory"/> fields minus the points).</summary>
internal readonly record struct RunJudgement(
    double FinalLoss,
    int? StepsToConverge,
    Verdict Verdict,
    Pattern Pattern,
    int? EstimatedStepsToConverge,
    string Explanation);
