using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>What the surface canvas shows in one frame.</summary>
public sealed record SurfaceScene(LabSetup Setup, ViewBox View, string HeatKey, IReadOnlyList<LabRun> Runs, int Selected, int Shown)
{
    /// <summary>How many recent steps the bright, fading part of each trail covers.</summary>
    public int TrailLength { get; init; } = 30;
}
