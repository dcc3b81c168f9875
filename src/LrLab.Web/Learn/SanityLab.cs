using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Web.Learn;

/// <summary>
/// Karpathy's first three checks on the browser's MNIST network (784-128-10, ReLU, PyTorch's initialisation):
/// the untrained loss against ln 10, overfitting one batch, and the update-to-weight ratio per layer. Work is done
/// one step at a time (<see cref="OverfitRun.Step"/>, <see cref="RatioRun.Step"/>) so the page can run it in slices and stay responsive.
/// </summary>
/// <param name="data">The digits.</param>
/// <param name="seed">Seed of the weights and batches.</param>
/// <param name="kernels">The networks' matrix products; null = managed.</param>
public sealed class SanityLab(Dataset data, int seed = 0, IMatrixKernels? kernels = null)
{
    /// <summary>Hidden units: the finder's network.</summary>
    public const int Hidden = 128;

    /// <summary>Training digits the initial loss is averaged over.</summary>
    public const int InitialLossDigits = 2000;

    /// <summary>Size of the batch to overfit.</summary>
    public const int OverfitBatch = 32;

    /// <summary>Updates spent overfitting it.</summary>
    public const int OverfitSteps = 200;

    /// <summary>SGD rate used to overfit.</summary>
    public const double OverfitLr = 0.1;

    /// <summary>Updates over which update ratios are recorded.</summary>
    public const int RatioSteps = 50;

    /// <summary>Batch size of the ratio run.</summary>
    public const int RatioBatch = 64;

    /// <summary>The digits.</summary>
    public Dataset Data { get; } = data;

    /// <summary>ln C for the data's classes.</summary>
    public double ChanceLoss => SanityChecks.ChanceLoss(Data.Classes);

    /// <summary>Mean loss of a freshly initialised network over the first <see cref="InitialLossDigits"/> training digits.</summary>
    public double InitialLoss()
    {
        using var model = NewModel(256);
        return SanityChecks.MeanLoss(model, SanityChecks.FirstBatch(Data.Train, Math.Min(InitialLossDigits, Data.Train.Count)));
    }

    /// <summary>Starts overfitting the first <see cref="OverfitBatch"/> digits with SGD at <see cref="OverfitLr"/>.</summary>
    public OverfitRun StartOverfit()
    {
        var batch = SanityChecks.FirstBatch(Data.Train, Math.Min(OverfitBatch, Data.Train.Count));
        var model = NewModel(batch.Count);
        var trainer = new Trainer(model, batch, new Sgd(new OptimizerOptions { Lr = OverfitLr }), batch.Count, new Random(seed));
        return new OverfitRun(trainer, batch, Data.Test);
    }

    /// <summary>Starts a plain SGD run over all training digits at <paramref name="lr"/>, recording ‖Δθ‖/‖θ‖ per layer.</summary>
    public RatioRun StartRatios(double lr)
    {
        var model = NewModel(RatioBatch);
        var trainer = new Trainer(model, Data.Train, new Sgd(new OptimizerOptions { Lr = lr }), RatioBatch, new Random(seed));
        return new RatioRun(trainer, lr);
    }

    private Mlp NewModel(int maxBatch)
    {
        var model = new Mlp(Data.Features, Hidden, Data.Classes, maxBatch, kernels: kernels);
        model.Initialize(new Random(seed));
        return model;
    }

    /// <summary>Overfitting one batch: <see cref="Step"/> until it returns false.</summary>
    public sealed class OverfitRun(Trainer trainer, Samples batch, Samples test)
    {
        private readonly List<double> _losses = [];

        /// <summary>Batch loss before each update.</summary>
        public IReadOnlyList<double> Losses => _losses;

        /// <summary>True once every step is done.</summary>
        public bool Done => _losses.Count >= OverfitSteps;

        /// <summary>One update; false when there is nothing left to do.</summary>
        public bool Step()
        {
            if (Done)
            {
                return false;
            }

            _losses.Add(trainer.Step(OverfitLr));
            return !Done;
        }

        /// <summary>Accuracy and mean loss on the memorised batch.</summary>
        public (double Accuracy, double MeanLoss) OnBatch() => trainer.Evaluate(batch);

        /// <summary>Accuracy on the held-out test digits (what memorising 32 digits is worth).</summary>
        public double TestAccuracy() => trainer.Evaluate(test).Accuracy;
    }

    /// <summary>Update-to-weight ratios at one rate: <see cref="Step"/> until it returns false.</summary>
    public sealed class RatioRun(Trainer trainer, double lr)
    {
        private readonly List<double> _fc1 = [];
        private readonly List<double> _fc2 = [];
        private readonly float[] _before = new float[trainer.Model.Parameters.Length];

        /// <summary>The rate.</summary>
        public double Lr { get; } = lr;

        /// <summary>fc1's ratio after each update.</summary>
        public IReadOnlyList<double> Fc1 => _fc1;

        /// <summary>fc2's ratio after each update.</summary>
        public IReadOnlyList<double> Fc2 => _fc2;

        /// <summary>True once every step is done.</summary>
        public bool Done => _fc1.Count >= RatioSteps;

        /// <summary>One update; false when there is nothing left to do.</summary>
        public bool Step()
        {
            if (Done)
            {
                return false;
            }

            trainer.Model.Parameters.CopyTo(_before, 0);
            trainer.Step(Lr);
            var ratios = SanityChecks.UpdateRatios(trainer.Model, _before);
            _fc1.Add(ratios[0].Ratio);
            _fc2.Add(ratios[1].Ratio);
            return !Done;
        }

        /// <summary>Median of a layer's ratios so far (NaN before the first step).</summary>
        public static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
        }
    }
}
