namespace LrLab.Core.Finder;

/// <summary>
/// What an LR range test trains: a model (or a surface) together with its optimizer and its stream of
/// mini-batches. The test only ever asks for one training step at a given rate, and for a snapshot it
/// restores at the end, so the same algorithm runs on a surface, on the MNIST network, in the CLI and
/// in the browser.
/// </summary>
public interface IRangeTestTarget
{
    /// <summary>What is trained, for reports: a surface name or formula, or a model description.</summary>
    string Name { get; }

    /// <summary>Name of the optimizer doing the updates (<c>sgd</c>, <c>adam</c>, ...).</summary>
    string OptimizerName { get; }

    /// <summary>Number of trainable parameters (for display and sanity checks).</summary>
    int ParameterCount { get; }

    /// <summary>
    /// Draws the next mini-batch, computes its loss and gradient at the current weights, then applies
    /// one optimizer update with learning rate <paramref name="lr"/>. Returns the loss measured
    /// <em>before</em> the update, as PyTorch's finders record it. A blown-up model returns NaN or
    /// infinity rather than throwing.
    /// </summary>
    double TrainStep(double lr);

    /// <summary>Captures the weights and the optimizer state, so they can be put back after the test.</summary>
    IRangeTestSnapshot Snapshot();
}
