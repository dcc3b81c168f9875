namespace LrLab.Core.Schedules;

/// <summary>How <see cref="ReduceLrOnPlateau"/> decides that a metric improved (PyTorch's <c>threshold_mode</c>).</summary>
public enum ThresholdMode
{
    /// <summary><c>'rel'</c>: better than <c>best·(1 ∓ threshold)</c>.</summary>
    Rel,

    /// <summary><c>'abs'</c>: better than <c>best ∓ threshold</c>.</summary>
    Abs,
}
