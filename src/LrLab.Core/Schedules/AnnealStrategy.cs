namespace LrLab.Core.Schedules;

/// <summary>How <see cref="OneCycleLr"/> moves between its phase end points (PyTorch's <c>anneal_strategy</c>).</summary>
public enum AnnealStrategy
{
    /// <summary><c>'cos'</c>: half a cosine wave from start to end.</summary>
    Cos,

    /// <summary><c>'linear'</c>: a straight line from start to end.</summary>
    Linear,
}
