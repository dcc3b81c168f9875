using LrLab.Web.Interop;

namespace LrLab.Web.Components.Charts;

/// <summary>A marker label's place: which marker, its pixel x, its row above the plot (0 = nearest) and its anchor.</summary>
/// <param name="Index">Index of the marker in the model.</param>
/// <param name="X">Pixel x of the marker line.</param>
/// <param name="Row">Row above the plot, 0 right above it.</param>
/// <param name="Align">How the text is anchored at <paramref name="X"/>.</param>
public sealed record MarkerLabel(int Index, double X, int Row, TextAlign Align);
