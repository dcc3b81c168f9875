using LrLab.Core.Finder;

namespace LrLab.Web.Finder;

/// <summary>One training run at a fixed rate, recorded step by step for a side-by-side chart.</summary>
public sealed class TrainingCurve
{
    private readonly LossSmoother _smoother = new(0.9);

    /// <summary>A run called <paramref name="label"/> at rate <paramref name="lr"/>, drawn in <paramref name="color"/>.</summary>
    public TrainingCurve(string label, double lr, string color)
    {
        Label = label;
        Lr = lr;
        Color = color;
    }

    /// <summary>Line colour (Okabe–Ito).</summary>
    public string Color { get; }

    /// <summary>Legend text (e.g. "suggested ÷ 100").</summary>
    public string Label { get; }

    /// <summary>The constant learning rate.</summary>
    public double Lr { get; }

    /// <summary>Mini-batch losses, one per step.</summary>
    public List<double> Losses { get; } = [];

    /// <summary>The same, smoothed (β = 0.9, debiased) for drawing.</summary>
    public List<double> Smoothed { get; } = [];

    /// <summary>Accuracy on held-out digits once the run has ended, if the model reports it.</summary>
    public double? TestAccuracy { get; set; }

    /// <summary>True once the loss stopped being finite (the run stops there).</summary>
    public bool BlewUp { get; private set; }

    /// <summary>Records one step's loss.</summary>
    public void Add(double loss)
    {
        Losses.Add(loss);
        Smoothed.Add(_smoother.Add(loss));
        BlewUp |= !double.IsFinite(loss);
    }

    /// <summary>The last smoothed loss, or NaN before the first step.</summary>
    public double LastSmoothed => Smoothed.Count > 0 ? Smoothed[^1] : double.NaN;
}
