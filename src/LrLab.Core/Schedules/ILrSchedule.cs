namespace LrLab.Core.Schedules;

/// <summary>
/// A learning-rate schedule as a pure function of the step (optax style, no hidden state), mirroring a
/// <c>torch.optim.lr_scheduler</c> class. <c>At(t, baseLr)</c> equals PyTorch's <c>get_last_lr()[0]</c>
/// after <c>t</c> calls of <c>scheduler.step()</c> on an optimizer whose initial lr is <c>baseLr</c>,
/// i.e. the rate used by update <c>t</c> (0-based).
/// </summary>
public interface ILrSchedule
{
    /// <summary>The rate for update <paramref name="step"/> (≥ 0).</summary>
    double At(int step, double baseLr);

    /// <summary>The spec string (a PyTorch constructor call without the optimizer), parseable back.</summary>
    string ToSpec();

    /// <summary>Python code that builds this scheduler on an optimizer named <c>optimizer</c>.</summary>
    string ToPython();

    /// <summary>
    /// The last step <see cref="At"/> accepts, or null when the schedule runs forever. PyTorch's OneCycleLR raises
    /// when stepped past total_steps, so a run with such a schedule has at most <c>LastStep + 1</c> updates.
    /// </summary>
    int? LastStep => null;
}
