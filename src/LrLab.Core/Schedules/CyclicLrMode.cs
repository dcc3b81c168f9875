namespace LrLab.Core.Schedules;

/// <summary>The amplitude policy of <see cref="CyclicLr"/> (PyTorch's <c>mode</c>).</summary>
public enum CyclicLrMode
{
    /// <summary><c>'triangular'</c>: every cycle has the full amplitude.</summary>
    Triangular,

    /// <summary><c>'triangular2'</c>: the amplitude halves after each cycle.</summary>
    Triangular2,

    /// <summary><c>'exp_range'</c>: the amplitude is scaled by <c>gamma^t</c> (t = updates so far).</summary>
    ExpRange,
}
