using LrLab.Web.Components.Charts;

namespace LrLab.Web.Lab;

/// <summary>
/// The lab's model without any UI: the shared setup, the raced runs, which run the slider drives, and
/// how many steps are revealed. Components call these methods and redraw; tests call them directly.
/// </summary>
public sealed class LabSession
{
    private readonly List<LabRun> _runs = [];
    private LabState _state;

    /// <summary>A session showing a URL state, at step 0.</summary>
    public LabSession(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        Setup = LabSetup.From(state);
        foreach (var lr in state.Rates)
        {
            _runs.Add(new LabRun(Setup, lr, Palette.At(_runs.Count)));
        }

        Selected = Math.Max(0, _runs.FindIndex(r => LabUrl.SameRate(r.Lr, state.Lr)));
    }

    /// <summary>The shared setup.</summary>
    public LabSetup Setup { get; private set; }

    /// <summary>The raced runs, in legend order.</summary>
    public IReadOnlyList<LabRun> Runs => _runs;

    /// <summary>Index of the run the slider drives.</summary>
    public int Selected { get; private set; }

    /// <summary>The run the slider drives.</summary>
    public LabRun Current => _runs[Selected];

    /// <summary>Number of updates revealed so far (the race moves in lockstep).</summary>
    public int Shown { get; private set; }

    /// <summary>The last step any run reaches (runs that overflow stop early).</summary>
    public int End => _runs.Max(r => r.LastIndex);

    /// <summary>Whether every run has been revealed to its end.</summary>
    public bool Finished => Shown >= End;

    /// <summary>The state a link should carry now.</summary>
    public LabState State => _state with
    {
        Lr = Current.Lr,
        Compare = _runs.Count > 1 ? [.. _runs.Select(r => r.Lr)] : [],
    };

    /// <summary>Reveal up to <paramref name="steps"/> more updates; false once finished.</summary>
    public bool Advance(int steps = 1)
    {
        if (Finished)
        {
            return false;
        }

        Shown = Math.Min(End, Shown + Math.Max(0, steps));
        return true;
    }

    /// <summary>One update (after a finished race, starts again from the beginning).</summary>
    public void StepOnce()
    {
        if (Finished)
        {
            Shown = 0;
        }

        Advance(1);
    }

    /// <summary>Reveal everything at once.</summary>
    public void RunToEnd() => Shown = End;

    /// <summary>Back to step 0; every run restarts at its current rate.</summary>
    public void Reset()
    {
        Shown = 0;
        foreach (var run in _runs)
        {
            run.Restart(Setup);
        }
    }

    /// <summary>
    /// Move the selected run's rate. During a run it continues from the current point; before a run
    /// starts or after it has finished the new rate applies to the whole run (an instant what-if).
    /// </summary>
    public void SetRate(double lr)
    {
        lr = Math.Clamp(lr, LabUrl.MinLr, LabUrl.MaxLr);
        var midRun = Shown > 0 && Shown < End;
        var wasFinished = Shown > 0 && !midRun;
        Current.SetRate(Setup, lr, midRun ? Shown : 0);
        if (wasFinished)
        {
            Shown = End;
        }
        else
        {
            Shown = Math.Min(Shown, End);
        }
    }

    /// <summary>Make another run the slider's.</summary>
    public void Select(int index) => Selected = Math.Clamp(index, 0, _runs.Count - 1);

    /// <summary>Race one more rate (ignored at the limit or when that rate already races). Returns its index or -1.</summary>
    public int AddRate(double lr)
    {
        lr = Math.Clamp(lr, LabUrl.MinLr, LabUrl.MaxLr);
        if (_runs.Count >= LabState.MaxRuns || _runs.Any(r => LabUrl.SameRate(r.Lr, lr)))
        {
            return -1;
        }

        var used = _runs.Select(r => r.Color).ToHashSet();
        var color = Palette.OkabeIto.First(c => !used.Contains(c));
        _runs.Add(new LabRun(Setup, lr, color));
        Shown = Math.Min(Shown, End);
        return _runs.Count - 1;
    }

    /// <summary>A sensible next rate to race: the selected rate ×10, or ÷10 when that is too large.</summary>
    public double SuggestNextRate()
    {
        foreach (var factor in new[] { 10.0, 0.1, 3.0, 1 / 3.0, 100, 0.01 })
        {
            var lr = Current.Lr * factor;
            if (lr >= 1e-5 && lr <= 10 && !_runs.Any(r => LabUrl.SameRate(r.Lr, lr)))
            {
                return lr;
            }
        }

        return Current.Lr * 2;
    }

    /// <summary>Stop racing one rate (the last run cannot be removed).</summary>
    public void Remove(int index)
    {
        if (_runs.Count <= 1 || index < 0 || index >= _runs.Count)
        {
            return;
        }

        _runs.RemoveAt(index);
        Selected = Math.Clamp(Selected > index ? Selected - 1 : Selected, 0, _runs.Count - 1);
        Shown = Math.Min(Shown, End);
    }

    /// <summary>
    /// Change what all runs share (surface, optimizer, hyperparameters, steps, start...) and start over.
    /// Throws <see cref="LrLab.Core.InputException"/> for invalid hyperparameters and then changes nothing.
    /// </summary>
    public void Apply(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var setup = LabSetup.From(state);
        var runs = _runs.Select(r => new LabRun(setup, r.Lr, r.Color)).ToList();
        _state = state;
        Setup = setup;
        _runs.Clear();
        _runs.AddRange(runs);
        Shown = 0;
    }

    /// <summary>Set a new start point (a click on the surface) and start over.</summary>
    public void SetStart(IReadOnlyList<double> start) => Apply(_state with { Start = start });
}
