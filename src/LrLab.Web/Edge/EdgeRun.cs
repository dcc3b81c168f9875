using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Web.Edge;

/// <summary>
/// Full-batch gradient descent at one rate, advanced one step at a time by the page: the loss at every step and
/// the sharpness every <see cref="EdgeSettings.SharpnessEvery"/> steps (Core's <see cref="TrainingMonitor"/>).
/// Every rate starts from the same seeded weights.
/// </summary>
public sealed class EdgeRun : IDisposable
{
    private readonly Mlp _model;
    private readonly Trainer _trainer;
    private readonly TrainingMonitor _monitor;
    private readonly float[] _losses;
    private readonly double[] _lossPoints;

    /// <summary>A run at <paramref name="lr"/> on <paramref name="train"/> for at most <paramref name="steps"/> steps, its products on <paramref name="kernels"/> (null = managed).</summary>
    public EdgeRun(Samples train, double lr, string color, int steps, int hidden = EdgeSettings.Hidden, IMatrixKernels? kernels = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        Lr = lr;
        Color = color;
        _model = new Mlp(train.Features, hidden, 10, train.Count, kernels: kernels);
        _model.Initialize(new Random(EdgeSettings.Seed));
        _trainer = new Trainer(_model, train, new Sgd(new OptimizerOptions { Lr = lr }), train.Count, new Random(EdgeSettings.Seed));
        _monitor = new TrainingMonitor(_model, EdgeSettings.SharpnessEvery, train, SharpnessEstimator.DefaultMaxIterations, new Random(EdgeSettings.Seed), steps, EdgeSettings.SharpnessTolerance);
        _losses = new float[steps];
        _lossPoints = new double[steps];
    }

    /// <summary>The rate η.</summary>
    public double Lr { get; }

    /// <summary>Line colour.</summary>
    public string Color { get; }

    /// <summary>Steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>The loss went NaN or infinite; the run stopped there.</summary>
    public bool Diverged { get; private set; }

    /// <summary>Loss at the weights after k updates, k = 0 … <see cref="Steps"/> − 1.</summary>
    public ReadOnlyMemory<double> Losses => _lossPoints.AsMemory(0, Steps);

    /// <summary>Sharpness measurements so far.</summary>
    public IReadOnlyList<SharpnessPoint> Sharpness => _monitor.Sharpness;

    /// <summary>Where the run stands against 2/η (null before the first measurement).</summary>
    public EdgeSummary? Summary => EdgeSummary.Of(Lr, _losses.AsSpan(0, Steps), _monitor.Sharpness);

    /// <summary>One full-batch step (with a sharpness measurement when one is due).</summary>
    public void Advance()
    {
        if (Diverged || Steps >= _losses.Length)
        {
            return;
        }

        _monitor.BeforeUpdate(Steps + 1);
        var loss = _trainer.Step(Lr);
        _losses[Steps] = loss;
        _lossPoints[Steps] = loss;
        Steps++;
        if (!float.IsFinite(loss))
        {
            Diverged = true;
            return;
        }

        _monitor.AfterUpdate(Steps);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
