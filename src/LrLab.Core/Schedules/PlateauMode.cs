namespace LrLab.Core.Schedules;

/// <summary>Whether <see cref="ReduceLrOnPlateau"/> wants the metric to go down or up (PyTorch's <c>mode</c>).</summary>
public enum PlateauMode
{
    /// <summary><c>'min'</c>: a loss; lower is better.</summary>
    Min,

    /// <summary><c>'max'</c>: an accuracy-like metric; higher is better.</summary>
    Max,
}
