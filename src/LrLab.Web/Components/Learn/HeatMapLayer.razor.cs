using System.Globalization;
using LrLab.Core.Surfaces;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>The banded heat map of a two-parameter surface, as SVG rectangles inside the widget's panel.</summary>
public sealed partial class HeatMapLayer
{
    private Surface? _drawn;
    private IReadOnlyList<WidgetPlot.Cell> _cells = [];

    /// <summary>The two-parameter surface to shade.</summary>
    [Parameter, EditorRequired] public Surface Surface { get; set; } = null!;

    // 1,600 rectangles: rebuilt and diffed only when the surface changes, not on every slider move.
    protected override bool ShouldRender() => !ReferenceEquals(_drawn, Surface) || _cells.Count == 0;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_drawn, Surface))
        {
            _cells = WidgetPlot.HeatMap(Surface);
        }
    }

    protected override void OnAfterRender(bool firstRender) => _drawn = Surface;

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
