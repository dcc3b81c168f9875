namespace LrLab.Core.Training;

/// <summary>The outcome of <see cref="MlpTraining.Run"/>; serialised as-is by the CLI.</summary>
/// <param name="Model">Architecture, e.g. <c>mlp 784-128-10</c>.</param>
/// <param name="Data">Data set name.</param>
/// <param name="Optimizer">Optimizer name.</param>
/// <param name="Lr">Base learning rate.</param>
/// <param name="Schedule">Schedule spec, if any.</param>
/// <param name="BatchSize">Examples per mini-batch.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Threads">Threads used.</param>
/// <param name="Steps">Mini-batches taken.</param>
/// <param name="Epochs">Passes over the training set (fractional).</param>
/// <param name="Losses">Mini-batch loss of every step, before its update.</param>
/// <param name="Lrs">Rate used by every step.</param>
/// <param name="FinalLoss">Mean loss over the last 10 % of the steps (at least one): less noisy than the last batch.</param>
/// <param name="TestLoss">Mean cross-entropy on the test set after training.</param>
/// <param name="TestAccuracy">Fraction of the test set classified correctly after training.</param>
/// <param name="Diverged">True when a loss became NaN or infinite (training stopped there).</param>
/// <param name="SamplesPerSecond">Training examples processed per second over the training loop only.</param>
/// <param name="TrainingSeconds">Wall time of the training loop, without the sharpness measurements.</param>
/// <param name="TrainSamples">Training examples used (the first this many).</param>
/// <param name="Sharpness">Largest Hessian eigenvalue of the mean loss over the training examples, at step 0 and every <c>SharpnessEvery</c> updates (empty when not asked).</param>
/// <param name="UpdateRatios">‖Δθ‖/‖θ‖ per layer at the same steps (every 10 updates without sharpness).</param>
/// <param name="SharpnessSeconds">Wall time of the sharpness measurements.</param>
/// <param name="HessianProducts">Hessian-vector products those measurements took.</param>
public sealed record TrainingResult(
    string Model,
    string Data,
    string Optimizer,
    double Lr,
    string? Schedule,
    int BatchSize,
    int Seed,
    int Threads,
    int Steps,
    double Epochs,
    float[] Losses,
    double[] Lrs,
    double FinalLoss,
    double TestLoss,
    double TestAccuracy,
    bool Diverged,
    double SamplesPerSecond,
    double TrainingSeconds,
    int TrainSamples,
    IReadOnlyList<SharpnessPoint> Sharpness,
    IReadOnlyList<UpdateRatio> UpdateRatios,
    double SharpnessSeconds,
    long HessianProducts)
{
    /// <summary>The run read against 2/η (start, peak and settled sharpness, loss spike), when the sharpness was measured.</summary>
    public EdgeSummary? Edge => EdgeSummary.Of(Lr, Losses, Sharpness);

    /// <summary>The trained weights, flat in PyTorch's parameter order (for saving; not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public float[] Weights { get; init; } = [];

    /// <summary>Hidden units of the trained network.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Hidden { get; init; }
}
