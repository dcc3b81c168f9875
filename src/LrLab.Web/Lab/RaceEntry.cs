namespace LrLab.Web.Lab;

/// <summary>One run of a race that mixes optimizers: which optimizer, at which (base) rate.</summary>
/// <param name="Optimizer">A name from <see cref="LabSimulation.Names"/>.</param>
/// <param name="Lr">The run's rate (line search: its first trial step α₀).</param>
public sealed record RaceEntry(string Optimizer, double Lr)
{
    /// <summary>The <c>race</c> URL form, <c>adam:0.1</c>.</summary>
    public override string ToString() => Optimizer + ":" + LabUrl.Format(Lr);

    /// <summary>Whether two entries would race the same run (same optimizer, same rate).</summary>
    public bool Same(RaceEntry other) =>
        other is not null && string.Equals(Optimizer, other.Optimizer, StringComparison.OrdinalIgnoreCase) && LabUrl.SameRate(Lr, other.Lr);
}
