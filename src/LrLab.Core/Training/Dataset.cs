namespace LrLab.Core.Training;

/// <summary>A classification data set with its fixed train/test split.</summary>
/// <param name="Name">Short name (<c>mnist</c>).</param>
/// <param name="Train">The examples the network learns from.</param>
/// <param name="Test">The held-out examples accuracy is measured on.</param>
/// <param name="Classes">Number of classes (labels are 0 … Classes − 1).</param>
public sealed record Dataset(string Name, Samples Train, Samples Test, int Classes)
{
    /// <summary>Inputs per example.</summary>
    public int Features => Train.Features;
}
