using System.Globalization;
using System.Text;
using System.Xml;

namespace LrLab.Core.Plotting;

/// <summary>
/// Writes a <see cref="Chart"/> as a standalone SVG document: white background, title, shaded bands, grid, axes with
/// ticks, marker lines, one path per series clipped to the plot, emphasised points, the labels of markers and bands in
/// rows above the plot, and a legend. Ranges, ticks, labels and colours come from the same Core code the web's canvas
/// chart draws with (<see cref="Scale"/>, <see cref="MarkerLabels"/>, <see cref="Chart.ColorOf"/>).
/// Elements carry <c>class</c> and <c>data-*</c> attributes so tools (and our tests) can find them.
/// </summary>
public static class SvgWriter
{
    private const double Left = 72;
    private const double TitleHeight = 36;
    private const double BottomMargin = 48;
    private const double LegendWidth = 170;

    /// <summary>The SVG text for <paramref name="chart"/>.</summary>
    public static string Write(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var legend = chart.ShowLegend ?? (chart.Series.Count > 0 || chart.Bands.Count > 0);
        var right = chart.Width - (legend ? LegendWidth : 16);
        var bottom = chart.Height - BottomMargin;
        var xs = Scale.Fit(chart.X, chart.XValues(), Left, right);
        var top = TitleHeight + (ChartStyle.LabelRow * MarkerLabels.RowsUsed(chart, xs));
        var ys = Scale.Fit(chart.Y, chart.YValues(), bottom, top);

        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            Attr(w, "width", chart.Width);
            Attr(w, "height", chart.Height);
            w.WriteAttributeString("viewBox", $"0 0 {N(chart.Width)} {N(chart.Height)}");
            w.WriteAttributeString("font-family", "sans-serif");
            w.WriteAttributeString("font-size", "12");
            w.WriteAttributeString("role", "img");
            w.WriteAttributeString("aria-label", chart.Title);
            w.WriteElementString("title", chart.Title);
            Element(w, "rect", ("width", N(chart.Width)), ("height", N(chart.Height)), ("fill", ChartStyle.Background));
            Text(w, "title", Left, 22, Shorten(chart.Title, (int)((chart.Width - Left) / 8.5)), ("fill", ChartStyle.Ink), ("font-size", "15"), ("font-weight", "bold"));

            w.WriteStartElement("defs");
            w.WriteStartElement("clipPath");
            w.WriteAttributeString("id", "plot-area");
            Element(w, "rect", ("x", N(Left)), ("y", N(top)), ("width", N(right - Left)), ("height", N(bottom - top)));
            w.WriteEndElement();
            w.WriteEndElement();

            Bands(w, chart, xs, top, bottom);
            Axes(w, chart, xs, ys);
            Markers(w, chart, xs, ys);
            Series(w, chart, xs, ys);
            Points(w, chart, xs, ys);
            Labels(w, chart, xs, top);
            Element(w, "rect", ("class", "frame"), ("x", N(Left)), ("y", N(top)), ("width", N(right - Left)), ("height", N(bottom - top)), ("fill", "none"), ("stroke", ChartStyle.Frame));
            if (legend)
            {
                Legend(w, chart, right + 14, top);
            }

            w.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Bands(XmlWriter w, Chart chart, Scale xs, double top, double bottom)
    {
        Group(w, "bands");
        foreach (var band in chart.Bands)
        {
            if (MarkerLabels.BandSpan(band, xs) is { } span)
            {
                Element(w, "rect", ("class", "band"), ("data-label", band.Label), ("x", N(span.From)), ("y", N(top)), ("width", N(span.To - span.From)), ("height", N(bottom - top)), ("fill", band.Color), ("fill-opacity", N(ChartStyle.BandOpacity)));
            }
        }

        w.WriteEndElement();
    }

    private static void Axes(XmlWriter w, Chart chart, Scale xs, Scale ys)
    {
        var (top, bottom, right) = (ys.To, ys.From, xs.To);
        Group(w, "axis x", ("data-scale", xs.Log ? "log" : "linear"));
        foreach (var t in xs.Ticks())
        {
            var x = xs.Map(t.Value);
            Element(w, "line", ("class", "grid"), ("x1", N(x)), ("x2", N(x)), ("y1", N(top)), ("y2", N(bottom)), ("stroke", ChartStyle.Grid));
            Element(w, "line", ("class", "tick"), ("x1", N(x)), ("x2", N(x)), ("y1", N(bottom)), ("y2", N(bottom + 5)), ("stroke", ChartStyle.Frame));
            TickLabel(w, x, bottom + 18, t, "middle");
        }

        Text(w, "axis-label", (Left + right) / 2, bottom + 38, chart.X.Title, ("fill", ChartStyle.Ink), ("text-anchor", "middle"));
        w.WriteEndElement();

        Group(w, "axis y", ("data-scale", ys.Log ? "log" : "linear"));
        foreach (var t in ys.Ticks())
        {
            var y = ys.Map(t.Value);
            Element(w, "line", ("class", "grid"), ("x1", N(Left)), ("x2", N(right)), ("y1", N(y)), ("y2", N(y)), ("stroke", ChartStyle.Grid));
            Element(w, "line", ("class", "tick"), ("x1", N(Left - 5)), ("x2", N(Left)), ("y1", N(y)), ("y2", N(y)), ("stroke", ChartStyle.Frame));
            TickLabel(w, Left - 8, y + 4, t, "end");
        }

        var middle = (top + bottom) / 2;
        Text(w, "axis-label", 16, middle, chart.Y.Title, ("fill", ChartStyle.Ink), ("text-anchor", "middle"), ("transform", $"rotate(-90 16 {N(middle)})"));
        w.WriteEndElement();
    }

    private static void Markers(XmlWriter w, Chart chart, Scale xs, Scale ys)
    {
        Group(w, "markers");
        foreach (var marker in chart.Markers)
        {
            if (!xs.Contains(marker.X))
            {
                continue;
            }

            var x = xs.Map(marker.X);
            (string, string)[] line = [("class", "marker"), ("data-x", N(marker.X)), ("x1", N(x)), ("x2", N(x)), ("y1", N(ys.To)), ("y2", N(ys.From)), ("stroke", marker.Color), ("stroke-width", "1.5")];
            Element(w, "line", marker.Dashed ? [.. line, ("stroke-dasharray", $"{N(ChartStyle.Dash)} {N(ChartStyle.Dash)}")] : line);
        }

        w.WriteEndElement();
    }

    // The labels of markers and bands in rows above the plot, placed as on screen (MarkerLabels).
    private static void Labels(XmlWriter w, Chart chart, Scale xs, double top)
    {
        var spots = MarkerLabels.Spots(chart, xs);
        Group(w, "labels");
        foreach (var spot in MarkerLabels.Place(spots, xs.From, xs.To))
        {
            var isMarker = spot.Index < chart.Markers.Count;
            var anchor = spot.Anchor switch { LabelAnchor.Start => "start", LabelAnchor.End => "end", _ => "middle" };
            Text(w, isMarker ? "marker-label" : "band-label", spot.X, top - 4 - (spot.Row * ChartStyle.LabelRow), spots[spot.Index].Label, ("fill", isMarker ? chart.Markers[spot.Index].Color : ChartStyle.Ink), ("text-anchor", anchor));
        }

        w.WriteEndElement();
    }

    private static void Series(XmlWriter w, Chart chart, Scale xs, Scale ys)
    {
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var color = chart.ColorOf(i);
            Group(w, "series", ("data-name", series.Name), ("clip-path", "url(#plot-area)"));
            var path = new StringBuilder();
            var pen = false;
            var ys1 = series.Y.Span;
            var points = 0;
            for (var k = 0; k < series.Count; k++)
            {
                var (x, y) = (xs.Map(series.XAt(k)), ys.Map(ys1[k]));
                if (double.IsNaN(x) || double.IsNaN(y))
                {
                    pen = false;
                    continue;
                }

                path.Append(pen ? " L" : (path.Length > 0 ? " M" : "M")).Append(N(x)).Append(',').Append(N(y));
                pen = true;
                points++;
            }

            (string, string)[] line = [("d", path.ToString()), ("data-points", N(points)), ("fill", "none"), ("stroke", color), ("stroke-width", N(series.Width)), ("stroke-linejoin", "round")];
            Element(w, "path", series.Dashed ? [.. line, ("stroke-dasharray", "6 4")] : line);
            if (series.Markers)
            {
                for (var k = 0; k < series.Count; k++)
                {
                    var (x, y) = (xs.Map(series.XAt(k)), ys.Map(ys1[k]));
                    if (!double.IsNaN(x) && !double.IsNaN(y))
                    {
                        Element(w, "circle", ("cx", N(x)), ("cy", N(y)), ("r", N(ChartStyle.DotRadius)), ("fill", color));
                    }
                }
            }

            w.WriteEndElement();
        }
    }

    private static void Points(XmlWriter w, Chart chart, Scale xs, Scale ys)
    {
        Group(w, "points");
        foreach (var p in chart.Points)
        {
            var (x, y) = (xs.Map(p.X), ys.Map(p.Y));
            if (!double.IsNaN(x) && !double.IsNaN(y))
            {
                Element(w, "circle", ("class", "point"), ("data-label", p.Label ?? string.Empty), ("cx", N(x)), ("cy", N(y)), ("r", N(ChartStyle.PointRadius)), ("fill", "none"), ("stroke", p.Color), ("stroke-width", "2"));
            }
        }

        w.WriteEndElement();
    }

    private static void Legend(XmlWriter w, Chart chart, double x, double top)
    {
        Group(w, "legend");
        var y = top + 8;
        for (var i = 0; i < chart.Series.Count; i++, y += 18)
        {
            Group(w, "legend-item", ("data-name", chart.Series[i].Name));
            (string, string)[] swatch = [("x1", N(x)), ("x2", N(x + 22)), ("y1", N(y - 4)), ("y2", N(y - 4)), ("stroke", chart.ColorOf(i)), ("stroke-width", "3")];
            Element(w, "line", chart.Series[i].Dashed ? [.. swatch, ("stroke-dasharray", "6 4")] : swatch);
            Text(w, null, x + 28, y, chart.Series[i].Name, ("fill", ChartStyle.Ink));
            w.WriteEndElement();
        }

        foreach (var band in chart.Bands.DistinctBy(b => b.Label))
        {
            Group(w, "legend-item", ("data-name", band.Label));
            Element(w, "rect", ("x", N(x)), ("y", N(y - 11)), ("width", "22"), ("height", "12"), ("fill", band.Color), ("fill-opacity", "0.35"));
            Text(w, null, x + 28, y, band.Label, ("fill", ChartStyle.Ink));
            w.WriteEndElement();
            y += 18;
        }

        w.WriteEndElement();
    }

    private static void TickLabel(XmlWriter w, double x, double y, Tick tick, string anchor) =>
        Text(w, "tick-label", x, y, tick.Label, ("fill", ChartStyle.Muted), ("text-anchor", anchor), ("data-value", tick.Value.ToString("R", CultureInfo.InvariantCulture)));

    private static void Group(XmlWriter w, string cssClass, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("g");
        w.WriteAttributeString("class", cssClass);
        foreach (var (name, value) in attributes)
        {
            w.WriteAttributeString(name, value);
        }
    }

    private static void Element(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name);
        foreach (var (attribute, value) in attributes)
        {
            w.WriteAttributeString(attribute, value);
        }

        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string? cssClass, double x, double y, string content, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("text");
        if (cssClass is not null)
        {
            w.WriteAttributeString("class", cssClass);
        }

        w.WriteAttributeString("x", N(x));
        w.WriteAttributeString("y", N(y));
        foreach (var (name, value) in attributes)
        {
            w.WriteAttributeString(name, value);
        }

        w.WriteString(content);
        w.WriteEndElement();
    }

    /// <summary>A heading that fits the picture: cut with an ellipsis (the full text stays in the &lt;title&gt; element).</summary>
    private static string Shorten(string text, int max) => text.Length <= max || max < 2 ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static void Attr(XmlWriter w, string name, double value) => w.WriteAttributeString(name, N(value));

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
