using LrLab.Core.Theory;

namespace LrLab.Web.Lab;

/// <summary>The slider's theory marks: Core's <see cref="TheoryWords.Marks"/> for this setup.</summary>
public static class TheoryTicks
{
    /// <summary>Ticks for this setup, smallest rate first; empty when the curvature is unknown or not positive.</summary>
    public static IReadOnlyList<TheoryMark> For(LabSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.Theory is { } theory ? TheoryWords.Marks(theory) : [];
    }
}
