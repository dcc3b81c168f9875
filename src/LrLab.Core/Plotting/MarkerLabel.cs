namespace LrLab.Core.Plotting;

/// <summary>A label's place above the plot: which label, its pixel x, its row (0 = nearest the plot) and its anchor.</summary>
/// <param name="Index">Index into the list of labels (markers first, then bands).</param>
/// <param name="X">Pixel x of the marker line or band centre.</param>
/// <param name="Row">Row above the plot, 0 right above it.</param>
/// <param name="Anchor">How the text is anchored at <paramref name="X"/>.</param>
public sealed record MarkerLabel(int Index, double X, int Row, LabelAnchor Anchor);
