namespace LrLab.Core.LineSearch;

/// <summary>One point tried along the descent direction before a step is committed.</summary>
/// <param name="Alpha">The trial step length.</param>
/// <param name="Params">θ − α·g, the point tried.</param>
/// <param name="Loss">The loss there.</param>
/// <param name="Accepted">Whether this probe satisfied the Armijo condition (the last probe of an update, if any).</param>
public sealed record LineSearchProbe(double Alpha, double[] Params, double Loss, bool Accepted);
