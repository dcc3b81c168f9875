using System.Globalization;
using System.Text;
using System.Xml;

namespace LrLab.Core.Plotting;

/// <summary>
/// Writes a <see cref="Chart"/> as a standalone SVG document: white background, title, shaded bands, grid, axes with
/// ticks (decades on a log axis), dashed labelled markers, one path per series clipped to the plot, and a legend.
/// Elements carry <c>class</c> and <c>data-*</c> attributes so tools (and our tests) can find them.
/// </summary>
public static class SvgWriter
{
    private const double Left = 72;
    private const double Top = 36;
    private const double BottomMargin = 48;
    private const double LegendWidth = 170;

    /// <summary>The SVG text for <paramref name="chart"/>.</summary>
    public static string Write(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var legend = chart.Series.Count > 0 || chart.Bands.Count > 0;
        var right = chart.Width - (legend ? LegendWidth : 16);
        var bottom = chart.Height - BottomMargin;
        var xs = Scale.Fit(chart.X, chart.Series.SelectMany(s => s.X), Left, right);
        var ys = Scale.Fit(chart.Y, chart.Series.SelectMany(s => s.Y), bottom, Top);

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
            Element(w, "rect", ("width", N(chart.Width)), ("height", N(chart.Height)), ("fill", "white"));
            Text(w, "title", Left, Top - 14, Shorten(chart.Title, (int)((chart.Width - Left) / 8.5)), ("font-size", "15"), ("font-weight", "bold"));

            w.WriteStartElement("defs");
            w.WriteStartElement("clipPath");
            w.WriteAttributeString("id", "plot-area");
            Element(w, "rect", ("x", N(Left)), ("y", N(Top)), ("width", N(right - Left)), ("height", N(bottom - Top)));
            w.WriteEndElement();
            w.WriteEndElement();

            Bands(w, chart, xs, bottom);
            Axes(w, chart, xs, ys, right, bottom);
            Markers(w, chart, xs, bottom);
            Series(w, chart, xs, ys);
            if (legend)
            {
                Legend(w, chart, right + 14);
            }

            w.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Bands(XmlWriter w, Chart chart, Scale xs, double bottom)
    {
        Group(w, "bands");
        foreach (var band in chart.Bands)
        {
            var a = Math.Max(xs.Min, Math.Min(band.From, band.To));
            var b = Math.Min(xs.Max, Math.Max(band.From, band.To));
            if (!(b > a) || !Scale.Usable(xs.Log, a))
            {
                continue;
            }

            var (x0, x1) = (xs.Map(a), xs.Map(b));
            Element(w, "rect", ("class", "band"), ("data-label", band.Label), ("x", N(x0)), ("y", N(Top)), ("width", N(x1 - x0)), ("height", N(bottom - Top)), ("fill", band.Color), ("fill-opacity", "0.18"));
        }

        w.WriteEndElement();
    }

    private static void Axes(XmlWriter w, Chart chart, Scale xs, Scale ys, double right, double bottom)
    {
        Group(w, "axis x", ("data-scale", xs.Log ? "log" : "linear"));
        foreach (var t in xs.Ticks())
        {
            var x = xs.Map(t);
            Element(w, "line", ("class", "grid"), ("x1", N(x)), ("x2", N(x)), ("y1", N(Top)), ("y2", N(bottom)), ("stroke", "#e3e3e3"));
            Element(w, "line", ("class", "tick"), ("x1", N(x)), ("x2", N(x)), ("y1", N(bottom)), ("y2", N(bottom + 5)), ("stroke", "#333"));
            TickLabel(w, x, bottom + 18, t, xs.Log, "middle");
        }

        Element(w, "line", ("class", "domain"), ("x1", N(Left)), ("x2", N(right)), ("y1", N(bottom)), ("y2", N(bottom)), ("stroke", "#333"));
        Text(w, "axis-label", (Left + right) / 2, bottom + 38, chart.X.Label, ("text-anchor", "middle"));
        w.WriteEndElement();

        Group(w, "axis y", ("data-scale", ys.Log ? "log" : "linear"));
        foreach (var t in ys.Ticks())
        {
            var y = ys.Map(t);
            Element(w, "line", ("class", "grid"), ("x1", N(Left)), ("x2", N(right)), ("y1", N(y)), ("y2", N(y)), ("stroke", "#e3e3e3"));
            Element(w, "line", ("class", "tick"), ("x1", N(Left - 5)), ("x2", N(Left)), ("y1", N(y)), ("y2", N(y)), ("stroke", "#333"));
            TickLabel(w, Left - 8, y + 4, t, ys.Log, "end");
        }

        Element(w, "line", ("class", "domain"), ("x1", N(Left)), ("x2", N(Left)), ("y1", N(Top)), ("y2", N(bottom)), ("stroke", "#333"));
        var middle = (Top + bottom) / 2;
        Text(w, "axis-label", 16, middle, chart.Y.Label, ("text-anchor", "middle"), ("transform", $"rotate(-90 16 {N(middle)})"));
        w.WriteEndElement();
    }

    private static void Markers(XmlWriter w, Chart chart, Scale xs, double bottom)
    {
        Group(w, "markers");
        foreach (var marker in chart.Markers)
        {
            if (!xs.Contains(marker.X))
            {
                continue;
            }

            var x = xs.Map(marker.X);
            Element(w, "line", ("class", "marker"), ("data-x", N(marker.X)), ("x1", N(x)), ("x2", N(x)), ("y1", N(Top)), ("y2", N(bottom)), ("stroke", "#555"), ("stroke-dasharray", "5 4"));
            // Written upwards along the left of its line, so neighbouring limits do not overprint each other.
            Text(w, "marker-label", x - 4, Top + 4, marker.Label, ("fill", "#333"), ("font-size", "11"), ("text-anchor", "end"), ("transform", $"rotate(-90 {N(x - 4)} {N(Top + 4)})"));
        }

        w.WriteEndElement();
    }

    private static void Series(XmlWriter w, Chart chart, Scale xs, Scale ys)
    {
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var color = Palette.Of(i);
            Group(w, "series", ("data-name", series.Name), ("clip-path", "url(#plot-area)"));
            var path = new StringBuilder();
            var pen = false;
            var count = Math.Min(series.X.Count, series.Y.Count);
            var points = 0;
            for (var k = 0; k < count; k++)
            {
                var (x, y) = (series.X[k], series.Y[k]);
                if (!Scale.Usable(xs.Log, x) || !Scale.Usable(ys.Log, y))
                {
                    pen = false;
                    continue;
                }

                path.Append(pen ? " L" : (path.Length > 0 ? " M" : "M")).Append(N(xs.Map(x))).Append(',').Append(N(ys.Map(y)));
                pen = true;
                points++;
            }

            (string, string)[] line = [("d", path.ToString()), ("data-points", N(points)), ("fill", "none"), ("stroke", color), ("stroke-width", "2"), ("stroke-linejoin", "round")];
            Element(w, "path", series.Dashed ? [.. line, ("stroke-dasharray", "6 4")] : line);
            if (series.Markers)
            {
                for (var k = 0; k < count; k++)
                {
                    if (Scale.Usable(xs.Log, series.X[k]) && Scale.Usable(ys.Log, series.Y[k]))
                    {
                        Element(w, "circle", ("cx", N(xs.Map(series.X[k]))), ("cy", N(ys.Map(series.Y[k]))), ("r", "2.5"), ("fill", color));
                    }
                }
            }

            w.WriteEndElement();
        }
    }

    private static void Legend(XmlWriter w, Chart chart, double x)
    {
        Group(w, "legend");
        var y = Top + 8;
        for (var i = 0; i < chart.Series.Count; i++, y += 18)
        {
            Group(w, "legend-item", ("data-name", chart.Series[i].Name));
            (string, string)[] swatch = [("x1", N(x)), ("x2", N(x + 22)), ("y1", N(y - 4)), ("y2", N(y - 4)), ("stroke", Palette.Of(i)), ("stroke-width", "3")];
            Element(w, "line", chart.Series[i].Dashed ? [.. swatch, ("stroke-dasharray", "6 4")] : swatch);
            Text(w, null, x + 28, y, chart.Series[i].Name);
            w.WriteEndElement();
        }

        foreach (var band in chart.Bands.DistinctBy(b => b.Label))
        {
            Group(w, "legend-item", ("data-name", band.Label));
            Element(w, "rect", ("x", N(x)), ("y", N(y - 11)), ("width", "22"), ("height", "12"), ("fill", band.Color), ("fill-opacity", "0.35"));
            Text(w, null, x + 28, y, band.Label);
            w.WriteEndElement();
            y += 18;
        }

        w.WriteEndElement();
    }

    private static void TickLabel(XmlWriter w, double x, double y, double value, bool log, string anchor)
    {
        w.WriteStartElement("text");
        w.WriteAttributeString("class", "tick-label");
        w.WriteAttributeString("x", N(x));
        w.WriteAttributeString("y", N(y));
        w.WriteAttributeString("text-anchor", anchor);
        w.WriteAttributeString("data-value", value.ToString("R", CultureInfo.InvariantCulture));
        var exponent = log ? (int)Math.Round(Math.Log10(value)) : 0;
        if (log && Math.Abs(exponent) > 3)
        {
            w.WriteString("10");
            w.WriteStartElement("tspan");
            w.WriteAttributeString("dy", "-5");
            w.WriteAttributeString("font-size", "9");
            w.WriteString(exponent.ToString(CultureInfo.InvariantCulture).Replace('-', '−'));
            w.WriteEndElement();
        }
        else
        {
            w.WriteString(value.ToString("G4", CultureInfo.InvariantCulture));
        }

        w.WriteEndElement();
    }

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
