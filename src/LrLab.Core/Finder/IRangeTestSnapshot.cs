namespace LrLab.Core.Finder;

/// <summary>Weights and optimizer state captured by <see cref="IRangeTestTarget.Snapshot"/>.</summary>
public interface IRangeTestSnapshot
{
    /// <summary>Puts the captured weights and optimizer state back into the target. May be called more than once.</summary>
    void Restore();
}
