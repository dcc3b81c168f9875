using System.Diagnostics;

namespace LrLab.Core.Training;

/// <summary>
/// Watches a training run every <see cref="Every"/> updates: the update-to-weight ratio of each layer and, when asked,
/// the sharpness of the mean loss over a fixed set of examples (<see cref="SharpnessEstimator"/>, warm-started from
/// one measurement to the next). The time spent measuring is kept apart from the training's, so the cost of
/// watching can be read beside it. Buffers are allocated up front; a step allocates nothing.
/// </summary>
public sealed class TrainingMonitor
{
    /// <summary>Interval of the update ratios when no sharpness is asked for.</summary>
    public const int DefaultRatioEvery = 10;

    private readonly Mlp _model;
    private readonly SharpnessEstimator? _sharpness;
    private readonly float[] _before;
    private readonly int _split;
    private readonly List<SharpnessPoint> _points;
    private readonly List<UpdateRatio> _ratios;
    private readonly Stopwatch _clock = new();

    /// <summary>A monitor of <paramref name="model"/> every <paramref name="every"/> updates.</summary>
    /// <param name="model">The network being trained.</param>
    /// <param name="every">Updates between two looks.</param>
    /// <param name="sharpnessSamples">Examples the sharpness is measured on, or null for update ratios only.</param>
    /// <param name="sharpnessIterations">Largest number of Hessian-vector products per measurement.</param>
    /// <param name="random">Seeded source of the first measurement's start vector.</param>
    /// <param name="expectedSteps">Updates planned (sizes the lists).</param>
    /// <param name="tolerance">Relative residual bound at which a measurement stops (see <see cref="SharpnessEstimator"/>).</param>
    public TrainingMonitor(Mlp model, int every, Samples? sharpnessSamples, int sharpnessIterations, Random random, int expectedSteps, double tolerance = SharpnessEstimator.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        _model = model;
        Every = every;
        _before = new float[model.Parameters.Length];
        _split = (model.Hidden * model.Inputs) + model.Hidden;
        var looks = (expectedSteps / every) + 2;
        _points = new List<SharpnessPoint>(sharpnessSamples is null ? 0 : looks);
        _ratios = new List<UpdateRatio>(2 * looks);
        if (sharpnessSamples is not null)
        {
            _sharpness = new SharpnessEstimator(new MlpHessian(model, sharpnessSamples), random, sharpnessIterations, tolerance);
        }
    }

    /// <summary>Updates between two looks.</summary>
    public int Every { get; }

    /// <summary>Sharpness measurements so far, the first at the initial weights.</summary>
    public IReadOnlyList<SharpnessPoint> Sharpness => _points;

    /// <summary>Update ratios so far, two (fc1, fc2) per look.</summary>
    public IReadOnlyList<UpdateRatio> UpdateRatios => _ratios;

    /// <summary>Wall time spent measuring the sharpness.</summary>
    public TimeSpan MeasuringTime => _clock.Elapsed;

    /// <summary>Hessian-vector products taken so far.</summary>
    public long Products => _sharpness?.TotalProducts ?? 0;

    /// <summary>Call before update number <paramref name="update"/> (1 = the first); measures the initial weights before the first.</summary>
    public void BeforeUpdate(int update)
    {
        if (update == 1)
        {
            MeasureSharpness(0);
        }

        if (update % Every == 0)
        {
            _model.Parameters.CopyTo(_before, 0);
        }
    }

    /// <summary>Call after update number <paramref name="update"/>.</summary>
    public void AfterUpdate(int update)
    {
        if (update % Every != 0)
        {
            return;
        }

        var now = _model.Parameters.AsSpan();
        _ratios.Add(new UpdateRatio(update, "fc1", SanityChecks.RelativeChange(_before.AsSpan(0, _split), now[.._split])));
        _ratios.Add(new UpdateRatio(update, "fc2", SanityChecks.RelativeChange(_before.AsSpan(_split), now[_split..])));
        MeasureSharpness(update);
    }

    private void MeasureSharpness(int step)
    {
        if (_sharpness is null)
        {
            return;
        }

        _clock.Start();
        var value = _sharpness.Measure();
        _clock.Stop();
        _points.Add(new SharpnessPoint(step, value));
    }

}
