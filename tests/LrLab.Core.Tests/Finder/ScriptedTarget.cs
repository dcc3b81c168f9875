using LrLab.Core.Finder;

namespace LrLab.Core.Tests.Finder;

/// <summary>
/// A range-test target whose losses come from a script (a function of the step index and the rate),
/// with one "weight" that every step changes, so restoring can be observed.
/// </summary>
internal sealed class ScriptedTarget(Func<int, double, double> loss) : IRangeTestTarget
{
    public string Name => "scripted";

    public string OptimizerName => "none";

    public int ParameterCount => 1;

    public double Weight { get; private set; } = 1.0;

    public int Steps { get; private set; }

    public List<double> RatesSeen { get; } = [];

    public int Restores { get; private set; }

    public int? ThrowAt { get; init; }

    public double TrainStep(double lr)
    {
        if (Steps == ThrowAt)
        {
            throw new InvalidOperationException("boom");
        }

        RatesSeen.Add(lr);
        var value = loss(Steps, lr);
        Steps++;
        Weight -= lr;
        return value;
    }

    public IRangeTestSnapshot Snapshot() => new WeightSnapshot(this, Weight);

    private sealed class WeightSnapshot(ScriptedTarget target, double weight) : IRangeTestSnapshot
    {
        public void Restore()
        {
            target.Weight = weight;
            target.Restores++;
        }
    }
}
