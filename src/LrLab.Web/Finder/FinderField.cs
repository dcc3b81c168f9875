namespace LrLab.Web.Finder;

/// <summary>A setting of the range test that the user types or picks on the finder page.</summary>
public enum FinderField
{
    /// <summary>Rate of the first mini-batch.</summary>
    StartLr,

    /// <summary>Rate of the last mini-batch.</summary>
    EndLr,

    /// <summary>Number of mini-batches.</summary>
    Iterations,

    /// <summary>Exponential or linear ramp.</summary>
    Mode,

    /// <summary>Digits per mini-batch.</summary>
    BatchSize,

    /// <summary>Seed of the weights and the batch order.</summary>
    Seed,
}
