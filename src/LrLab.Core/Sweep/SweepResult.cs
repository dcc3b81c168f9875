namespace LrLab.Core.Sweep;

/// <summary>The outcome of one optimizer over a range of rates, serialized as-is by the CLI.</summary>
/// <param name="Surface">Surface name (or formula).</param>
/// <param name="Optimizer">Optimizer name.</param>
/// <param name="Steps">Updates per run.</param>
/// <param name="Rows">One row per rate, in increasing order of rate.</param>
/// <param name="DivergenceLimit">The smallest swept rate whose run diverged (loss grew or overflowed), or <c>null</c> if none did.</param>
/// <param name="BestLr">The rate that converged in the fewest steps (ties: lower final loss), or <c>null</c> if none converged.</param>
/// <param name="Bands">Neighbouring rates with the same verdict, merged into bands.</param>
/// <param name="Theory">The limits the quadratic model predicts, to compare with <paramref name="DivergenceLimit"/>.</param>
public sealed record SweepResult(
    string Surface,
    string Optimizer,
    int Steps,
    IReadOnlyList<SweepRow> Rows,
    double? DivergenceLimit,
    double? BestLr,
    IReadOnlyList<RegimeBand> Bands,
    TheoryLines Theory);
