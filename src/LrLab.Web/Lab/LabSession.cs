using LrLab.Core.Plotting;

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
        foreach (var entry in state.Entries)
        {
            _runs.Add(new LabRun(Setup.For(entry.Optimizer), entry.Lr, Palette.Of(_runs.Count)));
        }

        Selected = FindRun(state.Optimizer, state.Lr) is var own and >= 0 ? own : Math.Max(0, _runs.FindIndex(r => LabUrl.SameRate(r.Lr, state.Lr)));
    }

    /// <summary>The shared setup, with the form's optimizer (each run's own is <see cref="LabRun.Setup"/>).</summary>
    public LabSetup Setup { get; private set; }

    /// <summary>The raced runs, in legend order.</summary>
    public IReadOnlyList<LabRun> Runs => _runs;

    /// <summary>Index of the run the slider drives.</summary>
    public int Selected { get; private set; }

    /// <summary>The run the slider drives.</summary>
    public LabRun Current => _runs[Selected];

    /// <summary>Whether some run races another optimizer than the form's (the legend then names each run's optimizer).</summary>
    public bool Mixed => _runs.Any(r => !IsFormOptimizer(r.Optimizer));

    /// <summary>Number of updates revealed so far (the race moves in lockstep).</summary>
    public int Shown { get; private set; }

    /// <summary>The last step any run reaches (runs that overflow stop early).</summary>
    public int End => _runs.Max(r => r.LastIndex);

    /// <summary>Whether every run has been revealed to its end.</summary>
    public bool Finished => Shown >= End;

    /// <summary>The state a link should carry now.</summary>
    public LabState State => Mixed
        ? _state with { Lr = Current.Lr, Compare = [], Race = [.. _runs.Select(r => new RaceEntry(r.Optimizer, r.Lr))] }
        : _state with { Lr = Current.Lr, Compare = _runs.Count > 1 ? [.. _runs.Select(r => r.Lr)] : [], Race = [] };

    /// <summary>
    /// The selected run alone, as the state the panels below the lab describe: its optimizer and rate, with the form's
    /// hyperparameters when it is of the form's optimizer and PyTorch's defaults otherwise (as the run itself uses them;
    /// line search keeps the form's ρ and c), and everything the runs share.
    /// </summary>
    public LabState SelectedState => IsFormOptimizer(Current.Optimizer)
        ? _state with { Lr = Current.Lr, Compare = [], Race = [] }
        : new LabState
        {
            Surface = _state.Surface,
            Optimizer = Current.Optimizer,
            Lr = Current.Lr,
            Steps = _state.Steps,
            Start = _state.Start,
            Schedule = _state.Schedule,
            Batch = _state.Batch,
            Seed = _state.Seed,
            Shrink = _state.Shrink,
            ArmijoC = _state.ArmijoC,
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
            run.Restart();
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
        Current.SetRate(lr, midRun ? Shown : 0);
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

    /// <summary>Race one more rate of the selected run's optimizer (see <see cref="AddRun"/>). Returns its index or -1.</summary>
    public int AddRate(double lr) => AddRun(Current.Optimizer, lr);

    /// <summary>
    /// Race <paramref name="optimizer"/> at <paramref name="lr"/> from the same start (ignored at the limit or when that
    /// optimizer already races that rate). Returns its index or -1. Throws <see cref="LrLab.Core.InputException"/> when
    /// the run cannot be built (line search under ReduceLROnPlateau) and then changes nothing.
    /// </summary>
    public int AddRun(string optimizer, double lr)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        lr = Math.Clamp(lr, LabUrl.MinLr, LabUrl.MaxLr);
        var entry = new RaceEntry(optimizer, lr);
        if (_runs.Count >= LabState.MaxRuns || _runs.Any(r => entry.Same(new RaceEntry(r.Optimizer, r.Lr))))
        {
            return -1;
        }

        var used = _runs.Select(r => r.Color).ToHashSet();
        var color = Palette.Series.First(c => !used.Contains(c));
        _runs.Add(new LabRun(Setup.For(optimizer), lr, color));
        Shown = Math.Min(Shown, End);
        return _runs.Count - 1;
    }

    /// <summary>A sensible next rate to race: the selected rate ×10, or ÷10 when that is too large.</summary>
    public double SuggestNextRate()
    {
        var same = _runs.Where(r => string.Equals(r.Optimizer, Current.Optimizer, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var factor in new[] { 10.0, 0.1, 3.0, 1 / 3.0, 100, 0.01 })
        {
            var lr = Current.Lr * factor;
            if (lr >= 1e-5 && lr <= 10 && !same.Any(r => LabUrl.SameRate(r.Lr, lr)))
            {
                return lr;
            }
        }

        return Current.Lr * 2;
    }

    /// <summary>
    /// The rate an optimizer usually starts from: <see cref="LrLab.Core.Optimizers.OptimizerInfo.DefaultLr"/>, and for line
    /// search the textbook first trial step α₀ = 1.
    /// </summary>
    public static double DefaultRate(string optimizer) =>
        LrLab.Core.Optimizers.OptimizerFactory.All.FirstOrDefault(o => string.Equals(o.Name, optimizer, StringComparison.OrdinalIgnoreCase))?.DefaultLr ?? 1.0;

    /// <summary>Index of the run of <paramref name="optimizer"/> at <paramref name="lr"/>, or -1.</summary>
    public int FindRun(string optimizer, double lr)
    {
        var entry = new RaceEntry(optimizer, lr);
        return _runs.FindIndex(r => entry.Same(new RaceEntry(r.Optimizer, r.Lr)));
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
    /// Change what all runs share (surface, optimizer, hyperparameters, steps, start...) and start over. Runs of the
    /// form's optimizer follow a change of optimizer (a race of one optimizer switches as a whole); runs of other
    /// optimizers keep theirs, and a run that would repeat another is dropped. Throws
    /// <see cref="LrLab.Core.InputException"/> for invalid hyperparameters and then changes nothing.
    /// </summary>
    public void Apply(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var setup = LabSetup.From(state);
        var runs = new List<LabRun>(_runs.Count);
        var selected = 0;
        for (var i = 0; i < _runs.Count; i++)
        {
            var old = _runs[i];
            var optimizer = IsFormOptimizer(old.Optimizer) ? setup.Optimizer : old.Optimizer;
            var entry = new RaceEntry(optimizer, old.Lr);
            var twin = runs.FindIndex(r => entry.Same(new RaceEntry(r.Optimizer, r.Lr)));
            if (twin < 0)
            {
                runs.Add(new LabRun(setup.For(optimizer), old.Lr, old.Color));
            }

            if (i == Selected)
            {
                selected = twin < 0 ? runs.Count - 1 : twin;
            }
        }

        _state = state;
        Setup = setup;
        _runs.Clear();
        _runs.AddRange(runs);
        Selected = selected;
        Shown = 0;
    }

    /// <summary>Set a new start point (a click on the surface) and start over.</summary>
    public void SetStart(IReadOnlyList<double> start) => Apply(_state with { Start = start });

    private bool IsFormOptimizer(string optimizer) => string.Equals(optimizer, Setup.Optimizer, StringComparison.OrdinalIgnoreCase);
}
